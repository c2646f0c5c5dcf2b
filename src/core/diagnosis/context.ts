// Everything a rule reads, computed once per diagnosis: the records up to the
// close in seq order, the successful sends, the page's own close() call, and
// the text picker for the chosen locale.

import { describeCloseCode } from '../describe-close-code';
import type { CloseCodeInfo, Locale } from '../types';
import type {
  CloseOutcomeInput,
  CloseRequestRecord,
  ClosedRecord,
  DiagnosisBrowser,
  DiagnosisInput,
  RankedCause,
  ReceivedRecord,
  SentRecord,
  TimelineRecord,
} from './types';

export interface RuleContext {
  input: DiagnosisInput;
  close: CloseOutcomeInput;
  code: number;
  locale: Locale;
  /** null when the caller did not say: texts then name both browsers. */
  browser: DiagnosisBrowser | null;
  info: CloseCodeInfo;
  /** The text for the diagnosis locale. */
  t(en: string, ja: string): string;
  /** Records before the close, in seq order. */
  records: readonly TimelineRecord[];
  /** Frames the page really sent (send() did not throw), before the close. */
  sends: readonly SentRecord[];
  received: readonly ReceivedRecord[];
  closedRecord: ClosedRecord | null;
  openRecord: TimelineRecord | null;
  errorRecord: TimelineRecord | null;
  /** The first close() call that did not throw, before the close: the page asked to close. */
  pageClose: CloseRequestRecord | null;
  /** 1-based number of a sent frame among the connection's sent frames. */
  sendNumber(record: SentRecord): number;
}

export function createRuleContext(
  input: DiagnosisInput,
  close: CloseOutcomeInput,
  locale: Locale,
  browser: DiagnosisBrowser | null,
): RuleContext {
  const sorted = [...input.timeline].sort((a, b) => a.seq - b.seq);
  const closedRecord = (sorted.find((r) => r.type === 'closed') as ClosedRecord | undefined) ?? null;
  const before = (r: { seq: number; time: number }) =>
    closedRecord ? r.seq < closedRecord.seq : r.time <= close.time;
  const records = sorted.filter(before);
  const sends = records.filter((r): r is SentRecord => r.type === 'sent' && r.thrown === null);
  const numbers = new Map(sends.map((r, i) => [r.seq, i + 1]));
  const requests = [...input.closeRequests].sort((a, b) => a.seq - b.seq).filter(before);
  return {
    input,
    close,
    code: close.code,
    locale,
    browser,
    info: describeCloseCode(close.code, { locale, protocol: input.protocol, url: input.url }),
    t: (en, ja) => (locale === 'ja' ? ja : en),
    records,
    sends,
    received: records.filter((r): r is ReceivedRecord => r.type === 'received'),
    closedRecord,
    openRecord: records.find((r) => r.type === 'open') ?? null,
    errorRecord: records.find((r) => r.type === 'error') ?? null,
    pageClose: requests.find((r) => r.verdict.ok && r.verdict.thrown === null) ?? null,
    sendNumber: (record) => numbers.get(record.seq) ?? 0,
  };
}

/** The last moment before the close at which a frame went either way (or the open), null if none. */
export function lastTraffic(ctx: RuleContext): TimelineRecord | null {
  for (let i = ctx.records.length - 1; i >= 0; i--) {
    const r = ctx.records[i]!;
    if (r.type === 'sent' || r.type === 'received' || r.type === 'open') return r;
  }
  return null;
}

/**
 * The sends that can still explain a server's verdict: those within the last
 * `windowMs` before the close, and in any case the last `lastN` sends.
 */
export function recentSends(ctx: RuleContext, windowMs = 30_000, lastN = 50): SentRecord[] {
  const from = ctx.close.time - windowMs;
  const cut = Math.max(0, ctx.sends.length - lastN);
  return ctx.sends.filter((r, i) => i >= cut || r.time >= from);
}

/** A rule reads the context and returns zero or more causes. */
export type Rule = (ctx: RuleContext) => RankedCause[];
