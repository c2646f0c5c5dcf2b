// Hand-built page records for panel tests: a real store is fed with these,
// exactly as the transport would (no mock of the store).

import type { DocumentSource } from '../../protocol/envelope';
import type { PageRecord, PageRecordOf } from '../../protocol/records';
import type { Finding } from '../../core/types';

export const TOP: DocumentSource = { docId: 'doc-top', frameUrl: 'http://app.test/', isTop: true };
export const T0 = 1_700_000_000_000;

/** Builds one socket's records with increasing seq and time. */
export class SocketScript {
  readonly records: PageRecord[] = [];
  private time: number;
  constructor(private seq: number, readonly socket: number, start = T0) {
    this.time = start;
  }
  private head<K extends PageRecord['type']>(type: K, dt: number) {
    this.time += dt;
    return { type, seq: ++this.seq, time: this.time, socket: this.socket };
  }
  get lastSeq(): number {
    return this.seq;
  }
  created(url: string, protocols: string[] = [], stack = 'at connect (http://app.test/app.js:3:9)'): this {
    this.records.push({ ...this.head('created', 0), url, protocols, frameUrl: TOP.frameUrl, stack });
    return this;
  }
  open(protocol = '', dt = 5): this {
    this.records.push({ ...this.head('open', dt), protocol, extensions: '' });
    return this;
  }
  sent(preview: string, options: Partial<PageRecordOf<'sent'>> & { findings?: Finding[] } = {}, dt = 1): this {
    const size = options.size ?? new TextEncoder().encode(preview).length;
    this.records.push({
      ...this.head('sent', dt), kind: 'text', size, preview, truncated: false, readyState: 1, bufferedAmount: 0, thrown: null, findings: [], ...options,
    } as PageRecordOf<'sent'>);
    return this;
  }
  received(preview: string, options: Partial<PageRecordOf<'received'>> = {}, dt = 1): this {
    const size = options.size ?? new TextEncoder().encode(preview).length;
    this.records.push({ ...this.head('received', dt), kind: 'text', size, preview, truncated: false, ...options } as PageRecordOf<'received'>);
    return this;
  }
  error(dt = 1): this {
    this.records.push({ ...this.head('error', dt) } as PageRecordOf<'error'>);
    return this;
  }
  closeRequested(code: number | null, reason = '', stack = 'at leave (http://app.test/app.js:40:7)', dt = 1): this {
    const reasonBytes = new TextEncoder().encode(reason).length;
    this.records.push({
      ...this.head('close-requested', dt), code, reason, reasonBytes, stack,
      verdict: { ok: true, wireCode: code, reasonBytes, thrown: null, predicted: null }, findings: [],
    });
    return this;
  }
  closed(code: number, reason = '', wasClean = true, dt = 1): this {
    this.records.push({ ...this.head('closed', dt), code, reason, wasClean });
    return this;
  }
}

export const LONE_SURROGATE: Finding = {
  kind: 'lone-surrogate',
  severity: 'error',
  message: { en: 'Text contains 1 lone surrogate (first at index 1); send() will turn it into U+FFFD.', ja: '孤立サロゲートが 1 個あります。' },
  index: 1,
};
