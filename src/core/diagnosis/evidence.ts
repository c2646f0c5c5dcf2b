// Evidence items that point at records of the timeline. Every label names a
// record the timeline really holds; evidence from outside it (the HAR log)
// has seq null and says where it comes from.

import { utf8ByteLength } from '../utf8';
import type { RuleContext } from './context';
import { formatBytes, formatEvidenceTime, quoteString, stackHead } from './format';
import type { CloseRequestRecord, Evidence, ReceivedRecord, SentRecord, TimelineRecord } from './types';

const KIND_EN: Record<string, string> = {
  text: 'text',
  arraybuffer: 'binary (ArrayBuffer)',
  view: 'binary (typed array)',
  blob: 'binary (Blob)',
};
const KIND_JA: Record<string, string> = {
  text: 'テキスト',
  arraybuffer: 'バイナリ（ArrayBuffer）',
  view: 'バイナリ（型付き配列）',
  blob: 'バイナリ（Blob）',
};

function kindName(ctx: RuleContext, kind: string): string {
  return ctx.t(KIND_EN[kind] ?? kind, KIND_JA[kind] ?? kind);
}

function when(ctx: RuleContext, time: number): string {
  return formatEvidenceTime(time, ctx.close.time, ctx.locale);
}

/** 'Sent text frame #12 (120 bytes, 2.5 s before the close)', plus `detail` after a colon. */
export function sentEvidence(ctx: RuleContext, r: SentRecord, detail?: string): Evidence {
  const n = ctx.sendNumber(r);
  const size = formatBytes(r.size, ctx.locale);
  const head = ctx.t(
    `Sent ${kindName(ctx, r.kind)} frame #${n} (${size}, ${when(ctx, r.time)})`,
    `送信した${kindName(ctx, r.kind)}フレーム #${n}（${size}、${when(ctx, r.time)}）`,
  );
  return { seq: r.seq, time: r.time, label: detail ? `${head}${ctx.t(': ', '：')}${detail}` : head };
}

export function receivedEvidence(ctx: RuleContext, r: ReceivedRecord, detail?: string): Evidence {
  const size = formatBytes(r.size, ctx.locale);
  const head = ctx.t(
    `Received ${kindName(ctx, r.kind)} frame (${size}, ${when(ctx, r.time)})`,
    `受信した${kindName(ctx, r.kind)}フレーム（${size}、${when(ctx, r.time)}）`,
  );
  return { seq: r.seq, time: r.time, label: detail ? `${head}${ctx.t(': ', '：')}${detail}` : head };
}

/** The close event itself, quoting the reason when there is one. */
export function closeEvidence(ctx: RuleContext, detail?: string): Evidence {
  const { code, reason, wasClean } = ctx.close;
  const bytes = utf8ByteLength(reason);
  const label = reason
    ? ctx.t(
        `Close event: code ${code}, reason ${quoteString(reason)} (${bytes} bytes), wasClean ${wasClean}`,
        `close イベント：コード ${code}、理由 ${quoteString(reason)}（${bytes} バイト）、wasClean ${wasClean}`,
      )
    : ctx.t(
        `Close event: code ${code}, empty reason, wasClean ${wasClean}`,
        `close イベント：コード ${code}、理由は空、wasClean ${wasClean}`,
      );
  const evidence: Evidence = {
    seq: ctx.closedRecord?.seq ?? null,
    time: ctx.close.time,
    label: detail ? `${label}${ctx.t('. ', '。')}${detail}` : label,
  };
  if (reason) evidence.quote = reason;
  return evidence;
}

/** `close(1000, "bye")` as the page wrote it (`close()` when it passed nothing). */
export function closeCall(r: CloseRequestRecord): string {
  if (r.code === null && r.reason === '') return 'close()';
  const code = r.code === null ? 'undefined' : String(r.code);
  return r.reason === '' ? `close(${code})` : `close(${code}, ${quoteString(r.reason, 40)})`;
}

/** A close() call of the page, with the page's own stack as the quote. */
export function closeRequestEvidence(ctx: RuleContext, r: CloseRequestRecord, detail?: string): Evidence {
  const call = closeCall(r);
  const head = r.verdict.thrown
    ? ctx.t(
        `The page called ${call} (${when(ctx, r.time)}); it threw ${r.verdict.thrown}`,
        `ページが ${call} を呼び出し（${when(ctx, r.time)}）、${r.verdict.thrown} が投げられました`,
      )
    : ctx.t(`The page called ${call} (${when(ctx, r.time)})`, `ページが ${call} を呼び出しました（${when(ctx, r.time)}）`);
  const evidence: Evidence = { seq: r.seq, time: r.time, label: detail ? `${head}${ctx.t('. ', '。')}${detail}` : head };
  const stack = stackHead(r.stack);
  if (stack) evidence.quote = stack;
  return evidence;
}

/** Any other record (open, error, created) with its own label. */
export function recordEvidence(r: TimelineRecord, label: string): Evidence {
  return { seq: r.seq, time: r.time, label };
}

/** The browser's own words from Chrome's network log (not a timeline record). */
export function harEvidence(ctx: RuleContext, text: string): Evidence {
  return {
    seq: null,
    time: null,
    label: ctx.t("Chrome's network log (HAR) for this socket reports", 'Chrome のネットワークログ（HAR）に記録されたこのソケットのエラー'),
    quote: text,
  };
}
