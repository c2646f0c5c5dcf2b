// The one runtime guard for what arrives from the page (MAIN world). The page
// can forge anything the hook can send: a record that fails here is counted and
// dropped, never trusted. Values are copied field by field, so no prototype,
// getter or extra key of the page's making survives.

import type { Finding, FindingKind, FindingSeverity } from '../core/types';
import { PROTOCOL_TAG, PROTOCOL_VERSION } from './envelope';
import type { CloseVerdict, PageRecord, PageRecordType } from './records';

export const LIMITS = {
  url: 8192,
  protocol: 1024,
  protocols: 64,
  stack: 8192,
  preview: 65_536,
  reason: 1024,
  findings: 32,
  message: 2048,
  errorName: 64,
  recordsPerBatch: 50_000,
  /** A whole batch as JSON text; bigger ones are rejected unread. */
  batchChars: 64 * 1024 * 1024,
} as const;

const FINDING_KINDS: ReadonlySet<FindingKind> = new Set<FindingKind>([
  'lone-surrogate', 'binary-like', 'nul', 'control-char', 'replacement-char',
  'send-while-connecting', 'send-after-close', 'invalid-close-code',
  'close-reason-too-long', 'close-reason-lone-surrogate', 'browser-difference',
]);
const SEVERITIES: ReadonlySet<FindingSeverity> = new Set<FindingSeverity>(['error', 'warning', 'info']);
const SENT_KINDS = new Set(['text', 'arraybuffer', 'view', 'blob']);
const RECEIVED_KINDS = new Set(['text', 'arraybuffer', 'blob']);

type Obj = Record<string, unknown>;

class Rejected extends Error {}

function fail(what: string): never {
  throw new Rejected(what);
}

function obj(value: unknown): Obj {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('not an object');
  return value as Obj;
}

function str(value: unknown, max: number): string {
  if (typeof value !== 'string' || value.length > max) fail('bad string');
  return value;
}

function int(value: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) fail('bad integer');
  return value;
}

function num(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail('bad number');
  return value;
}

function bool(value: unknown): boolean {
  if (typeof value !== 'boolean') fail('bad boolean');
  return value;
}

function nullable<T>(value: unknown, read: (v: unknown) => T): T | null {
  return value === null ? null : read(value);
}

function oneOf<T extends string>(value: unknown, allowed: ReadonlySet<string>): T {
  if (typeof value !== 'string' || !allowed.has(value)) fail('bad enum');
  return value as T;
}

function findings(value: unknown): Finding[] {
  if (!Array.isArray(value) || value.length > LIMITS.findings) fail('bad findings');
  return value.map((item) => {
    const f = obj(item);
    const message = obj(f.message);
    return {
      kind: oneOf<FindingKind>(f.kind, FINDING_KINDS),
      severity: oneOf<FindingSeverity>(f.severity, SEVERITIES),
      message: { en: str(message.en, LIMITS.message), ja: str(message.ja, LIMITS.message) },
      index: nullable(f.index, (v) => int(v)),
    };
  });
}

function verdict(value: unknown): CloseVerdict {
  const v = obj(value);
  return {
    ok: bool(v.ok),
    wireCode: nullable(v.wireCode, (c) => int(c, 0, 65535)),
    reasonBytes: int(v.reasonBytes),
    thrown: nullable(v.thrown, (t) => str(t, LIMITS.errorName)),
    predicted: nullable(v.predicted, (t) => str(t, LIMITS.errorName)),
  };
}

const BODY_READERS: { [K in PageRecordType]: (r: Obj) => Obj } = {
  created: (r) => {
    if (!Array.isArray(r.protocols) || r.protocols.length > LIMITS.protocols) fail('bad protocols');
    return {
      url: str(r.url, LIMITS.url),
      protocols: r.protocols.map((p) => str(p, LIMITS.protocol)),
      frameUrl: str(r.frameUrl, LIMITS.url),
      stack: str(r.stack, LIMITS.stack),
    };
  },
  open: (r) => ({ protocol: str(r.protocol, LIMITS.protocol), extensions: str(r.extensions, LIMITS.protocol) }),
  sent: (r) => ({
    kind: oneOf(r.kind, SENT_KINDS),
    size: int(r.size),
    preview: str(r.preview, LIMITS.preview),
    truncated: bool(r.truncated),
    readyState: int(r.readyState, 0, 3),
    bufferedAmount: int(r.bufferedAmount),
    thrown: nullable(r.thrown, (t) => str(t, LIMITS.errorName)),
    findings: findings(r.findings),
  }),
  received: (r) => ({
    kind: oneOf(r.kind, RECEIVED_KINDS),
    size: int(r.size),
    preview: str(r.preview, LIMITS.preview),
    truncated: bool(r.truncated),
  }),
  error: () => ({}),
  'close-requested': (r) => ({
    code: nullable(r.code, (c) => num(c)),
    reason: str(r.reason, LIMITS.reason),
    reasonBytes: int(r.reasonBytes),
    stack: str(r.stack, LIMITS.stack),
    verdict: verdict(r.verdict),
    findings: findings(r.findings),
  }),
  closed: (r) => ({ code: int(r.code, 0, 65535), reason: str(r.reason, LIMITS.reason), wasClean: bool(r.wasClean) }),
};

const RECORD_TYPES = new Set(Object.keys(BODY_READERS));

/**
 * A frame in the hook's compact form (records.ts: FrameTuple), read into the
 * same object, with the same checks, as the keyed form. The body is built
 * with its keys in the keyed reader's order so both forms share one shape.
 */
function readFrameTuple(a: readonly unknown[]): Obj {
  let record: Obj;
  if (a[0] === 'received' && a.length === 8) {
    record = { kind: oneOf(a[4], RECEIVED_KINDS), size: int(a[5]), preview: str(a[6], LIMITS.preview), truncated: bool(a[7]) };
  } else if (a[0] === 'sent' && a.length === 12) {
    record = {
      kind: oneOf(a[4], SENT_KINDS),
      size: int(a[5]),
      preview: str(a[6], LIMITS.preview),
      truncated: bool(a[7]),
      readyState: int(a[8], 0, 3),
      bufferedAmount: int(a[9]),
      thrown: nullable(a[10], (t) => str(t, LIMITS.errorName)),
      findings: findings(a[11]),
    };
  } else fail('bad frame tuple');
  record.type = a[0];
  record.seq = int(a[1]);
  record.time = num(a[2]);
  record.socket = int(a[3]);
  return record;
}

/** A checked copy of one record (keyed, or a frame in its compact form), or null when it fails the guard. */
export function readPageRecord(value: unknown): PageRecord | null {
  try {
    if (Array.isArray(value)) return readFrameTuple(value) as unknown as PageRecord;
    const r = obj(value);
    const type = oneOf<PageRecordType>(r.type, RECORD_TYPES);
    // The body's own object gets the header: one object per record, no spread (this runs per frame).
    const record = BODY_READERS[type](r);
    record.type = type;
    record.seq = int(r.seq);
    record.time = num(r.time);
    record.socket = int(r.socket);
    return record as unknown as PageRecord;
  } catch (error) {
    if (error instanceof Rejected) return null;
    throw error;
  }
}

export type PageMessage =
  | { type: 'hello' }
  | { type: 'batch'; records: PageRecord[]; rejected: number };

/**
 * Parses one page → relay message (a JSON string). Returns null for anything
 * that is not ours at all; a batch keeps its valid records and counts the rest.
 */
export function readPageMessage(raw: unknown): PageMessage | null {
  if (typeof raw !== 'string' || raw.length > LIMITS.batchChars) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const message = parsed as Obj;
  if (message.tag !== PROTOCOL_TAG || message.v !== PROTOCOL_VERSION) return null;
  if (message.type === 'hello') return { type: 'hello' };
  if (message.type !== 'batch' || !Array.isArray(message.records)) return null;
  if (message.records.length > LIMITS.recordsPerBatch) {
    return { type: 'batch', records: [], rejected: message.records.length };
  }
  const records: PageRecord[] = [];
  let rejected = 0;
  for (const item of message.records) {
    const record = readPageRecord(item);
    if (record) records.push(record);
    else rejected++;
  }
  return { type: 'batch', records, rejected };
}
