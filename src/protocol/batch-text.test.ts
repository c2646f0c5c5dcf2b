import { describe, expect, it } from 'vitest';
import { batchBodyJson, pageMessageJson } from '../page/record-channel';
import { readBatchHeader, textBatch } from './batch-text';
import { readPageMessage } from './guard';
import type { PageRecord } from './records';

const created = (seq: number): PageRecord => ({ type: 'created', seq, time: 1.5, socket: 1, url: 'ws://x/', protocols: [], frameUrl: 'http://x/', stack: '' });
const received = (seq: number): PageRecord => ({ type: 'received', seq, time: 2, socket: 1, kind: 'text', size: 1, preview: ']}', truncated: false });
/** A batch exactly as the hook's flush writes it. */
const hookBatch = (records: PageRecord[], lifecycle: number) =>
  pageMessageJson('batch', batchBodyJson(records[0]!.seq, records.at(-1)!.seq, records.length, lifecycle, records.map((r) => JSON.stringify(r)).join(',')), JSON.stringify);

describe('batch headers', () => {
  it('reads the header the hook writes, and the guard reads the same text', () => {
    const records = [created(7), received(8), received(10)];
    const text = hookBatch(records, 1);
    expect(readBatchHeader(text)).toEqual({ first: 7, last: 10, count: 3, lifecycle: 1 });
    expect(readPageMessage(text)).toEqual({ type: 'batch', records, rejected: 0 });
  });

  it('reads the header of a batch the relay re-wrote', () => {
    const batch = textBatch([created(3), received(4)]);
    expect(readBatchHeader(batch.text)).toEqual({ first: 3, last: 4, count: 2, lifecycle: 1 });
    expect(batch).toMatchObject({ first: 3, last: 4, count: 2, lifecycle: 1 });
    expect(readPageMessage(batch.text)).toMatchObject({ type: 'batch', rejected: 0, records: [{ seq: 3 }, { seq: 4 }] });
  });

  it('takes nothing that is not exactly a consistent hook header', () => {
    const good = hookBatch([received(5), received(6)], 0);
    const bad = [
      good.replace('"first":5', '"first":05'),
      good.replace('"first":5', '"first":0'),
      good.replace('"last":6', '"last":4'),
      good.replace('"count":2', '"count":3'), // more records than the seq range holds
      good.replace('"lifecycle":0', '"lifecycle":3'),
      good.replace('"v":1', '"v":2'),
      good.replace('{"tag":"wsci"', '{"tag":"wscj"'),
      good.replace('"first":5,', '"first":5, '),
      good.slice(0, -1),
      ` ${good}`,
      hookBatch(Array.from({ length: 3 }, (_, i) => received(i + 1)), 0).replace('"count":3', '"count":9999999'),
    ];
    for (const text of bad) expect([text, readBatchHeader(text)]).toEqual([text, null]);
    expect(readBatchHeader(`{"tag":"wsci","v":1,"type":"hello"}`)).toBeNull();
  });
});
