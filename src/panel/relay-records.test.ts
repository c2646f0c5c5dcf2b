import { describe, expect, it } from 'vitest';
import { envelope, type PageToRelayMap } from '../protocol/envelope';
import type { PageRecord } from '../protocol/records';
import { readRelayRecords } from './relay-records';

const source = { docId: 'doc', frameUrl: 'http://127.0.0.1/', isTop: true };
const received = (seq: number): PageRecord => ({ type: 'received', seq, time: seq, socket: 1, kind: 'text', size: 1, preview: 'x', truncated: false });
const batch = (records: unknown[]) => JSON.stringify(envelope<PageToRelayMap, 'batch'>('batch', { records: records as PageRecord[] }));

describe('readRelayRecords', () => {
  it('reads every batch in order and adds the relay\'s rejections', () => {
    const message = { type: 'records', source, batches: [batch([received(1), received(2)]), batch([received(3)])], rejected: 4 };
    expect(readRelayRecords(message)).toEqual({ source, records: [received(1), received(2), received(3)], rejected: 4, rejectedHere: 0 });
  });

  it('checks the records again: whatever fails is counted, never applied', () => {
    const forged = { ...received(2), kind: '<img src=x onerror=alert(1)>' };
    const message = { type: 'records', source, batches: [batch([received(1), forged]), 'not json', '{"tag":"other"}'], rejected: 0 };
    expect(readRelayRecords(message)).toEqual({ source, records: [received(1)], rejected: 0, rejectedHere: 3 });
  });

  it('ignores anything that is not a relay\'s records message', () => {
    for (const junk of [null, 1, 'records', { type: 'records' }, { type: 'records', source, batches: 'x' }, { type: 'other', source, batches: [] }]) {
      expect(readRelayRecords(junk)).toBeNull();
    }
  });
});
