import { describe, expect, it } from 'vitest';
import type { PageRecord } from '../protocol/records';
import { textBatch } from '../protocol/batch-text';
import { BatchBuffer, RecordBuffer } from './record-buffer';

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

describe('BatchBuffer', () => {
  const records = (text: string): PageRecord[] => (JSON.parse(text) as { records: PageRecord[] }).records;
  /** A buffer whose parses are counted: a batch is read only when it must be. */
  const counted = (capacity: number) => {
    const parsed: number[] = [];
    const buffer = new BatchBuffer(capacity, 1024, (text) => {
      const list = records(text);
      parsed.push(list[0]!.seq);
      return list;
    });
    return { buffer, parsed };
  };
  const seqsOf = (texts: string[]) => texts.flatMap((t) => records(t).map((r) => r.seq));

  it('keeps batches as text and replays them from a cursor', () => {
    const { buffer, parsed } = counted(100);
    const a = textBatch([lifecycle('created'), frame(), frame()]);
    const b = textBatch([frame(), frame()]);
    buffer.push(a);
    buffer.push(b);
    expect(buffer.size).toBe(5);
    expect(buffer.since(0)).toEqual([a.text, b.text]);
    expect(buffer.since(a.last)).toEqual([b.text]);
    expect(buffer.since(b.last)).toEqual([]);
    expect(parsed).toEqual([]);
  });

  it('drops whole batches of frames unread and parses only the batch it must cut', () => {
    const { buffer, parsed } = counted(5);
    const created = lifecycle('created');
    const first = textBatch([created, frame(), frame()]);
    buffer.push(first);
    const floods = Array.from({ length: 20 }, () => textBatch([frame(), frame(), frame()]));
    for (const batch of floods) buffer.push(batch);
    const closed = lifecycle('closed');
    buffer.push(textBatch([closed]));
    const kept = seqsOf(buffer.since(0));
    // Exactly the capacity: the lifecycle records and the newest frames.
    expect(kept).toEqual([created.seq, ...seqsOf([floods.at(-1)!.text]), closed.seq]);
    expect(buffer.size).toBe(5);
    // Only batches holding a lifecycle record, or cut in part, were parsed.
    expect(parsed.length).toBeLessThanOrEqual(3);
    expect(parsed).toContain(first.first);
  });

  it('honours a smaller capacity at once, and sheds lifecycle records only when no frame is left', () => {
    const { buffer } = counted(100);
    const a = lifecycle('created');
    const b = lifecycle('closed');
    const c = lifecycle('created');
    buffer.push(textBatch([a, frame(), b]));
    buffer.push(textBatch([frame(), c]));
    buffer.setLimits(3, 1024);
    expect(seqsOf(buffer.since(0))).toEqual([a.seq, b.seq, c.seq]);
    buffer.setLimits(2, 1024);
    expect(seqsOf(buffer.since(0))).toEqual([b.seq, c.seq]);
  });

  it('holds a page that lies in its headers to a bound on characters', () => {
    const { buffer } = counted(100);
    const big = textBatch([frame()]);
    const lie = { ...big, text: big.text.replace('"preview":"x"', `"preview":"${'y'.repeat(200_000)}"`) };
    for (let i = 0; i < 10; i++) buffer.push({ ...lie, first: lie.first + i * 10, last: lie.last + i * 10 });
    // 100 records × (6 × 1024 + 8192) characters at most: five of these batches.
    expect(buffer.since(0).reduce((sum, t) => sum + t.length, 0)).toBeLessThanOrEqual(100 * (6 * 1024 + 8192));
    expect(buffer.size).toBeLessThan(10);
  });
});

describe('Queue inside the buffers', () => {
  it('holds no reference to what it shed (a batch text can be megabytes)', () => {
    const buffer = new BatchBuffer(100, 1024, () => []);
    const texts = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const batch = textBatch(Array.from({ length: 10 }, frame));
      texts.add(batch.text);
      buffer.push(batch);
    }
    const items = (buffer as unknown as { batches: { items: unknown[] } }).batches.items;
    const held = items.filter((item) => item !== undefined);
    expect(held.length).toBeLessThanOrEqual(11);
    expect(buffer.since(0).length).toBe(10);
  });
});
