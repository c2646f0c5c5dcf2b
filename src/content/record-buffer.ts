// Runs in the relay (ISOLATED world). A bounded history of one document's
// records, so that a panel opened after a failure still shows it. When full
// it sheds the oldest *frame* records first and keeps each connection's
// lifecycle (created/open/error/close-requested/closed). A shed record leaves a
// gap in the sequence numbers, which is how a panel counts what it missed.

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
  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++];
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

  private trim(): void {
    while (this.size > this.capacity) {
      (this.frames.length > 0 ? this.frames : this.lifecycle).shift();
    }
  }
}
