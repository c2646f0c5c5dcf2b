// Runs in the relay (ISOLATED world). A bounded history of one document's
// records, so that a panel opened after a failure still shows it. When full
// it sheds the oldest *frame* records first and keeps each connection's
// lifecycle (created/open/error/close-requested/closed). A shed record leaves a
// gap in the sequence numbers, which is how a panel counts what it missed.
//
// Batches are kept as the page's JSON text (BatchBuffer): a batch is parsed
// only when part of it must be shed, or when all of it must go and it holds
// lifecycle records. In a flood with DevTools closed whole batches of frames
// come and go unread.

import type { BatchHeader } from '../protocol/envelope';
import { textBatch } from '../protocol/batch-text';
import { isLifecycleRecord, type PageRecord } from '../protocol/records';

/** An array queue with O(1) amortised shift. */
class Queue<T> {
  private items: T[] = [];
  private head = 0;
  get length(): number {
    return this.items.length - this.head;
  }
  push(item: T): void {
    this.items.push(item);
  }
  peek(): T | undefined {
    return this.head < this.items.length ? this.items[this.head] : undefined;
  }
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    // Let it go now: a shed batch text is large, and the array is compacted only now and then.
    this.items[this.head++] = undefined as T;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
  /** Items whose seq is above `after`, in order. */
  *after(after: number, seqOf: (item: T) => number): Generator<T> {
    for (let i = this.head; i < this.items.length; i++) {
      const item = this.items[i]!;
      if (seqOf(item) > after) yield item;
    }
  }
}

/** Records kept per document by default (a setting). */
export const DEFAULT_BUFFER_RECORDS = 10_000;

export class RecordBuffer {
  private frames = new Queue<PageRecord>();
  private lifecycle = new Queue<PageRecord>();

  constructor(private capacity: number) {}

  get size(): number {
    return this.frames.length + this.lifecycle.length;
  }

  setCapacity(capacity: number): void {
    this.capacity = Math.max(1, Math.floor(capacity));
    this.trim();
  }

  push(record: PageRecord): void {
    (isLifecycleRecord(record) ? this.lifecycle : this.frames).push(record);
    this.trim();
  }

  /** Everything kept with seq > `after`, merged back into seq order. */
  since(after: number): PageRecord[] {
    const seq = (r: PageRecord) => r.seq;
    const a = [...this.frames.after(after, seq)];
    const b = [...this.lifecycle.after(after, seq)];
    const merged: PageRecord[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i]!.seq < b[j]!.seq)) merged.push(a[i++]!);
      else merged.push(b[j++]!);
    }
    return merged;
  }

  get frameCount(): number {
    return this.frames.length;
  }

  /** Sheds the oldest frame, or the oldest lifecycle record when no frame is left. */
  shedOne(): void {
    (this.frames.length > 0 ? this.frames : this.lifecycle).shift();
  }

  private trim(): void {
    while (this.size > this.capacity) this.shedOne();
  }
}

/** A batch as the page wrote it, with its header (batch-text.ts). */
export interface TextBatch extends BatchHeader {
  text: string;
}

/** Replays go out as page messages well inside the guard's limits (LIMITS in guard.ts). */
const REPLAY_BATCH_RECORDS = 2048;
const REPLAY_BATCH_CHARS = 8 * 1024 * 1024;
/**
 * Characters of batch text kept per record of capacity at most, whatever the
 * headers claim: a preview escaped as JSON (at most 6 characters per
 * character) and a stack. Genuine batches stay far below it; a page that
 * lies about its counts is held to it.
 */
const charsPerRecord = (previewChars: number) => 6 * previewChars + 8192;

/**
 * The history as batches of text, oldest first, behind the records parsed
 * out of batches that were partly shed (a RecordBuffer, all older than the
 * batches). Counts come from the batch headers; `parse` gives a batch's
 * records when they must be handled one by one.
 */
export class BatchBuffer {
  private batches = new Queue<TextBatch>();
  private batchRecords = 0;
  private batchChars = 0;
  private parsed = new RecordBuffer(Number.MAX_SAFE_INTEGER);
  private charCap: number;

  constructor(
    private capacity: number,
    previewChars: number,
    private readonly parse: (text: string) => PageRecord[],
  ) {
    this.charCap = capacity * charsPerRecord(previewChars);
  }

  get size(): number {
    return this.parsed.size + this.batchRecords;
  }

  setLimits(capacity: number, previewChars: number): void {
    this.capacity = Math.max(1, Math.floor(capacity));
    this.charCap = this.capacity * charsPerRecord(previewChars);
    this.trim();
  }

  push(batch: TextBatch): void {
    this.batches.push(batch);
    this.batchRecords += batch.count;
    this.batchChars += batch.text.length;
    this.trim();
  }

  /** Everything kept with seq > `after`, as batch texts in seq order (a batch may start at or below it: the panel applies each seq once). */
  since(after: number): string[] {
    this.cut();
    const texts = chunkedBatchTexts(this.parsed.since(after));
    for (const batch of this.batches.after(after, (b) => b.last)) texts.push(batch.text);
    return texts;
  }

  /**
   * Sheds what is certainly beyond the capacity: parsed frames, and whole
   * batches behind `capacity` newer records (unread when they hold frames
   * only). The oldest batch is cut into only when the history is read
   * (cut()), so it holds at most one batch more than the capacity meanwhile.
   */
  private trim(): void {
    for (;;) {
      const oldest = this.batches.peek();
      if (oldest && this.batchChars > this.charCap) {
        if (oldest.lifecycle === 0) this.dropOldest();
        else this.parseOldest(); // its text goes; its records are counted (and shed) one by one
        continue;
      }
      if (this.size <= this.capacity) return;
      if (this.parsed.frameCount > 0 || !oldest) this.parsed.shedOne();
      else if (this.size - oldest.count >= this.capacity) {
        if (oldest.lifecycle === 0) this.dropOldest(); // all frames, all shed: unread
        else this.parseOldest();
      } else return;
    }
  }

  /** Exactly the capacity: the oldest frames shed first, lifecycle records only when no frame is left. */
  private cut(): void {
    this.trim();
    while (this.size > this.capacity) {
      if (this.parsed.frameCount === 0 && this.batches.length > 0) this.parseOldest();
      else this.parsed.shedOne();
    }
  }

  private dropOldest(): void {
    const batch = this.batches.shift()!;
    this.batchRecords -= batch.count;
    this.batchChars -= batch.text.length;
  }

  /** Moves the oldest batch's records into the parsed part, where they are shed one by one. */
  private parseOldest(): void {
    const batch = this.batches.peek()!;
    this.dropOldest();
    for (const record of this.parse(batch.text)) this.parsed.push(record);
  }
}

/** Records as batch texts of at most REPLAY_BATCH_RECORDS records or about REPLAY_BATCH_CHARS characters. */
function chunkedBatchTexts(records: PageRecord[]): string[] {
  const texts: string[] = [];
  let part: PageRecord[] = [];
  let chars = 0;
  for (const record of records) {
    const size = 256 + ('preview' in record ? record.preview.length : 0) + ('stack' in record ? record.stack.length : 0);
    if (part.length > 0 && (part.length >= REPLAY_BATCH_RECORDS || chars + size > REPLAY_BATCH_CHARS)) {
      texts.push(textBatch(part).text);
      part = [];
      chars = 0;
    }
    part.push(record);
    chars += size;
  }
  if (part.length > 0) texts.push(textBatch(part).text);
  return texts;
}
