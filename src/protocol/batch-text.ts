// A batch of records as JSON text with its header first (BatchHeader): how
// the hook writes it and how the relay reads the header without parsing the
// records. The header is bookkeeping, not trust: a page can forge it, which
// misleads only the relay's count of that page's own records; the panel
// checks every record with the guard.

import { isLifecycleRecord, type PageRecord } from './records';
import { PROTOCOL_TAG, PROTOCOL_VERSION, type BatchHeader } from './envelope';
import { LIMITS } from './guard';

/** The start of a batch exactly as the hook writes it (record-channel.ts), numbers captured. */
const HEADER = new RegExp(
  `^\\{"tag":${JSON.stringify(PROTOCOL_TAG)},"v":${PROTOCOL_VERSION},"type":"batch",` +
    '"first":([1-9]\\d{0,14}),"last":([1-9]\\d{0,14}),"count":([1-9]\\d{0,5}),"lifecycle":(0|[1-9]\\d{0,5}),"records":\\[',
);

/** The header of a batch the hook wrote, or null for anything else (then the full guard decides). */
export function readBatchHeader(text: string): BatchHeader | null {
  if (text.length > LIMITS.batchChars || !text.endsWith(']}')) return null;
  const m = HEADER.exec(text);
  if (!m) return null;
  const header = { first: Number(m[1]), last: Number(m[2]), count: Number(m[3]), lifecycle: Number(m[4]) };
  const { first, last, count, lifecycle } = header;
  const consistent = count <= LIMITS.recordsPerBatch && lifecycle <= count && last >= first && last - first + 1 >= count;
  return consistent ? header : null;
}

/** Records already checked (in seq order), as one batch with its header (the relay re-sends what it parsed). */
export function textBatch(records: readonly PageRecord[]): BatchHeader & { text: string } {
  const first = records.length > 0 ? records[0]!.seq : 0;
  const last = records.length > 0 ? records[records.length - 1]!.seq : 0;
  let lifecycle = 0;
  for (const record of records) if (isLifecycleRecord(record)) lifecycle++;
  const head = `{"tag":${JSON.stringify(PROTOCOL_TAG)},"v":${PROTOCOL_VERSION},"type":"batch"`;
  const text = `${head},"first":${first},"last":${last},"count":${records.length},"lifecycle":${lifecycle},"records":${JSON.stringify(records)}}`;
  return { first, last, count: records.length, lifecycle, text };
}
