import { describe, expect, it } from 'vitest';
import type { PageRecord } from '../protocol/records';
import { RecordBuffer } from './record-buffer';

let seq = 0;
const frame = (): PageRecord => ({
  type: 'received', seq: ++seq, time: seq, socket: 1, kind: 'text', size: 1, preview: 'x', truncated: false,
});
const lifecycle = (type: 'created' | 'closed'): PageRecord =>
  type === 'created'
    ? { type, seq: ++seq, time: seq, socket: 1, url: 'ws://x/', protocols: [], frameUrl: 'http://x/', stack: '' }
    : { type, seq: ++seq, time: seq, socket: 1, code: 1000, reason: '', wasClean: true };

describe('RecordBuffer', () => {
  it('keeps everything below its capacity, in seq order', () => {
    const buffer = new RecordBuffer(10);
    const records = [lifecycle('created'), frame(), frame(), lifecycle('closed')];
    records.forEach((r) => buffer.push(r));
    expect(buffer.since(0)).toEqual(records);
    expect(buffer.since(records[1]!.seq).map((r) => r.seq)).toEqual([records[2]!.seq, records[3]!.seq]);
  });

  it('sheds the oldest frames first and keeps the lifecycle', () => {
    const buffer = new RecordBuffer(5);
    const created = lifecycle('created');
    buffer.push(created);
    const frames = Array.from({ length: 100 }, frame);
    frames.forEach((r) => buffer.push(r));
    const closed = lifecycle('closed');
    buffer.push(closed);
    const kept = buffer.since(0);
    expect(kept).toHaveLength(5);
    expect(kept[0]).toBe(created);
    expect(kept.at(-1)).toBe(closed);
    expect(kept.slice(1, 4)).toEqual(frames.slice(-3));
  });

  it('sheds lifecycle records only when no frame is left', () => {
    const buffer = new RecordBuffer(2);
    const a = lifecycle('created');
    const b = lifecycle('closed');
    const c = lifecycle('created');
    [a, b, c].forEach((r) => buffer.push(r));
    expect(buffer.since(0)).toEqual([b, c]);
  });
});
