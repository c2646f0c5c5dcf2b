// What the page hook records about each socket. These cross from the page's
// MAIN world (untrusted) to the relay, so every field is checked by guard.ts.

import type { Finding } from '../core/types';

export type SentKind = 'text' | 'arraybuffer' | 'view' | 'blob';
export type ReceivedKind = 'text' | 'arraybuffer' | 'blob';

/** Verdict of `checkCloseArguments`, as carried in a `close-requested` record. */
export interface CloseVerdict {
  ok: boolean;
  wireCode: number | null;
  reasonBytes: number;
  /** The DOMException name the native close() threw, if any. */
  thrown: string | null;
  /** Our WebIDL prediction when it differs from what the browser did. */
  predicted: string | null;
}

/** One event map for the page → relay direction (STYLE.md: typed protocol). */
export interface PageRecordMap {
  created: { url: string; protocols: string[]; frameUrl: string; stack: string };
  open: { protocol: string; extensions: string };
  sent: {
    kind: SentKind;
    size: number;
    preview: string;
    truncated: boolean;
    readyState: number;
    bufferedAmount: number;
    thrown: string | null;
    findings: Finding[];
  };
  received: { kind: ReceivedKind; size: number; preview: string; truncated: boolean };
  error: Record<never, never>;
  'close-requested': {
    code: number | null;
    reason: string;
    reasonBytes: number;
    stack: string;
    verdict: CloseVerdict;
    findings: Finding[];
  };
  closed: { code: number; reason: string; wasClean: boolean };
}

export type PageRecordType = keyof PageRecordMap;

/**
 * How the hook writes a frame on the wire: the record's values in this
 * order, without keys (record-json.ts: frameTupleJson). The guard reads it
 * into the same PageRecord as the keyed form, which everything else (the
 * relay's re-written batches, saved sessions, forged input) may still use.
 */
export type FrameTuple =
  | ['received', seq: number, time: number, socket: number, kind: ReceivedKind, size: number, preview: string, truncated: boolean]
  | [
      'sent',
      seq: number,
      time: number,
      socket: number,
      kind: SentKind,
      size: number,
      preview: string,
      truncated: boolean,
      readyState: number,
      bufferedAmount: number,
      thrown: string | null,
      findings: Finding[],
    ];

interface RecordHeader<K extends PageRecordType> {
  type: K;
  /** Per-document monotonic sequence number. */
  seq: number;
  /** Wall-clock time in ms (timeOrigin + performance.now()), sub-millisecond. */
  time: number;
  /** Socket id, unique within the document. */
  socket: number;
}

export type PageRecordOf<K extends PageRecordType> = RecordHeader<K> & PageRecordMap[K];
export type PageRecord = { [K in PageRecordType]: PageRecordOf<K> }[PageRecordType];

/** Records that make up a connection's lifecycle; kept when a buffer sheds frames. */
export const LIFECYCLE_TYPES: ReadonlySet<PageRecordType> = new Set<PageRecordType>([
  'created',
  'open',
  'error',
  'close-requested',
  'closed',
]);

export function isLifecycleRecord(record: PageRecord): boolean {
  return LIFECYCLE_TYPES.has(record.type);
}
