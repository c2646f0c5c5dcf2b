// Runs in the page's MAIN world. JSON text of the hook's own records.
// JSON.stringify on an object looks up `toJSON` on it and on every nested
// object and array, which reaches a page's Object.prototype.toJSON or
// Array.prototype.toJSON (prototype.js defines one): the page would see it
// called, and our records would come out changed. Records are plain trees of
// the hook's own making, so walking them by hand is exact; leaves go through
// the captured JSON.stringify, which looks up nothing on a primitive.
//
// Frames are the hot path (a chatty page sends and receives tens of thousands
// per second): their fields are written out by hand, with no object built and
// no key looked up, instead of walking a record.

import type { PageRecordMap } from '../protocol/records';
import type { Primordials } from './primordials';

/** What the send trap knows before the native send() runs. */
export type SendRecord = Omit<PageRecordMap['sent'], 'bufferedAmount' | 'thrown'>;

export function recordJson(value: unknown, p: Primordials): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return p.stringify(value);
    case 'number':
      return p.isFinite(value) ? p.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return 'null';
  }
  if (p.isArray(value)) {
    const items = value as unknown[];
    let out = '';
    for (let i = 0; i < items.length; i++) out += (i === 0 ? '' : ',') + recordJson(items[i], p);
    return `[${out}]`;
  }
  return `{${fieldsJson(value, p)}}`;
}

/** The members of an object's JSON without the braces: `"a":1,"b":"c"` ('' when none). */
export function fieldsJson(value: object, p: Primordials): string {
  const fields = value as Record<string, unknown>;
  const names = p.keys(fields);
  let out = '';
  for (let i = 0; i < names.length; i++) {
    const field = fields[names[i]!];
    if (field === undefined || typeof field === 'function') continue;
    out += (out === '' ? '' : ',') + p.stringify(names[i]!) + ':' + recordJson(field, p);
  }
  return out;
}

/**
 * A frame's preview as JSON. Binary kinds preview their bytes as hex digits
 * (bytesPreview), which JSON writes as they are: no second pass over 1 KiB a frame.
 */
const previewJson = (kind: string, preview: string, p: Primordials): string => (kind === 'text' ? p.stringify(preview) : `"${preview}"`);

/** A `sent` record's `thrown` and `findings` as JSON (written for every sent frame: no array built to return both). */
const thrownJson = (thrown: string | null, p: Primordials): string => (thrown === null ? 'null' : p.stringify(thrown));
const findingsJson = (sent: SendRecord, p: Primordials): string => (sent.findings.length === 0 ? '[]' : recordJson(sent.findings, p));

/**
 * The fields every frame record has (`received` in full; `sent` adds its own).
 * `kind` is one of the hook's own constants; numbers are the hook's own integers,
 * and a template literal turns a number into the text JSON would write.
 */
export function frameFieldsJson(kind: string, size: number, preview: string, truncated: boolean, p: Primordials): string {
  return `"kind":"${kind}","size":${size},"preview":${previewJson(kind, preview, p)},"truncated":${truncated ? 'true' : 'false'}`;
}

/** The fields of a `sent` record: the frame's, then what the native send() left behind. */
export function sentFieldsJson(sent: SendRecord, bufferedAmount: number, thrown: string | null, p: Primordials): string {
  return (
    `${frameFieldsJson(sent.kind, sent.size, sent.preview, sent.truncated, p)},"readyState":${sent.readyState},` +
    `"bufferedAmount":${bufferedAmount},"thrown":${thrownJson(thrown, p)},"findings":${findingsJson(sent, p)}`
  );
}

/**
 * A frame record in its compact form (FrameTuple in protocol/records.ts):
 * a JSON array, `["received",seq,time,socket,kind,size,preview,truncated]`,
 * and for `sent` four more items, `readyState,bufferedAmount,thrown,findings`.
 * Frames are nearly every record a busy page makes; without their keys a
 * small frame's JSON is some 40% shorter and holds a fifth of the quotes,
 * which every hop to the panel writes escaped (a batch travels as a JSON
 * string inside a JSON message) and every reader parses again.
 * `tail` is what the writers below return: everything after the socket.
 * (Rare sends, a Blob or another object, still go out keyed: sentFieldsJson.)
 */
export function frameTupleJson(type: 'sent' | 'received', seq: number, time: number, socket: number, tail: string): string {
  return `["${type}",${seq},${timeJson(time)},${socket},${tail}]`;
}

/** A frame's items after the socket (`received` in full; `sent` adds its own). */
export function frameTupleTail(kind: string, size: number, preview: string, truncated: boolean, p: Primordials): string {
  return `"${kind}",${size},${previewJson(kind, preview, p)},${truncated ? 'true' : 'false'}`;
}

/** A `sent` frame's items after the socket: the frame's, then what the native send() left behind. */
export function sentTupleTail(sent: SendRecord, bufferedAmount: number, thrown: string | null, p: Primordials): string {
  return (
    `${frameTupleTail(sent.kind, sent.size, sent.preview, sent.truncated, p)},${sent.readyState},` +
    `${bufferedAmount},${thrownJson(thrown, p)},${findingsJson(sent, p)}`
  );
}

/** "000" to "999": a time's microseconds, zero-padded (a table of the hook's own, read in bounds only). */
const MICRO_DIGITS: string[] = [];
for (let i = 0; i < 1000; i++) MICRO_DIGITS[i] = `${i < 10 ? '00' : i < 100 ? '0' : ''}${i}`;
/** The last whole millisecond written, and its text: records of a busy page share it, dozens a millisecond. */
let lastMs = -1;
let lastMsText = '';

/**
 * A record's time (ms since the epoch, sub-millisecond) as JSON, to the
 * microsecond. Written from integers: turning a fractional double into its
 * shortest text costs several times more, on every record. The millisecond
 * part (thirteen digits, a heap number) is written once per millisecond and
 * the microseconds come from a table: the two conversions were about half
 * the cost of writing a received frame's record and a quarter of a sent
 * one's (a page micro-benchmark in Chromium). `Math` is not used (a page
 * may replace it); `x - x % 1` floors a non-negative number.
 */
export function timeJson(time: number): string {
  if (!(time >= 0 && time < 9e12)) return '0';
  const scaled = time * 1000 + 0.5;
  const micros = scaled - (scaled % 1);
  const fraction = micros % 1000;
  const ms = (micros - fraction) / 1000;
  if (ms !== lastMs) {
    lastMs = ms;
    lastMsText = `${ms}`;
  }
  return `${lastMsText}.${MICRO_DIGITS[fraction]!}`;
}
