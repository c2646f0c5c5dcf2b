// The page's own close() calls that threw. They matter on any close: the
// socket stayed open after the exception, so the close the page meant to make
// never happened, and the card says what to call instead.
// @see WHATWG WebSockets Standard §close() (InvalidAccessError for codes other
// than 1000 and 3000–4999; SyntaxError for a reason over 123 UTF-8 bytes)
// @see WebIDL §3.2.4 ([Clamp] unsigned short), §3.2.11 (USVString)

import { MAX_CLOSE_REASON_BYTES } from '../close-arguments';
import { utf8ByteLength } from '../utf8';
import type { RuleContext } from './context';
import { closeRequestEvidence } from './evidence';
import { SCORE } from './scores';
import type { CloseRequestRecord, RankedCause } from './types';

/** The private code that keeps a reserved code's meaning: 1008 → 4008 (a common convention). */
export function privateEquivalent(code: number): number {
  return code > 1000 && code < 2000 ? 4000 + (code - 1000) : 4000;
}

function whatToUse(ctx: RuleContext, r: CloseRequestRecord): string {
  const thrown = r.verdict.thrown ?? r.verdict.predicted ?? '';
  const code = r.code;
  if (thrown === 'SyntaxError') {
    const bytes = utf8ByteLength(r.reason);
    const atLeast = r.reason.length >= 1024 ? ctx.t('at least ', '少なくとも ') : '';
    return ctx.t(
      `The reason is ${atLeast}${bytes} UTF-8 bytes; a Close frame holds at most ${MAX_CLOSE_REASON_BYTES} (lone surrogates count 3 bytes each, as U+FFFD). Shorten it, and send longer details in a message before closing.`,
      `理由は ${atLeast}${bytes} バイト（UTF-8）ですが、クローズフレームに入るのは最大 ${MAX_CLOSE_REASON_BYTES} バイトです（孤立サロゲートは U+FFFD として 1 個 3 バイトに数えます）。理由を短くし、詳しい内容は閉じる前にメッセージで送ってください。`,
    );
  }
  if (thrown === 'TypeError') {
    return ctx.t(
      'The arguments could not be converted (a Symbol or BigInt, or an object whose valueOf or toString threw). Pass a number and a string.',
      '引数を変換できませんでした（Symbol や BigInt、または valueOf や toString が例外を投げるオブジェクト）。数値と文字列を渡してください。',
    );
  }
  if (thrown !== 'InvalidAccessError') {
    return ctx.t(`close() threw ${thrown}.`, `close() が ${thrown} を投げました。`);
  }
  if (code === null) {
    return ctx.t(
      'Chromium requires a code when a reason is given (Firefox sends an empty Close frame instead). Call close(1000, reason).',
      'Chromium は理由を渡すときにコードも必要とします（Firefox は代わりに空のクローズフレームを送ります）。close(1000, reason) を呼んでください。',
    );
  }
  if (Number.isInteger(code) && code > 1000 && code < 3000) {
    const alt = privateEquivalent(code);
    return ctx.t(
      `Codes 1001–2999 are reserved for the protocol and the browser; a page may only use 1000 and 3000–4999. To carry the meaning of ${code}, use a private code such as ${alt} and agree on it with the server.`,
      `1001〜2999 はプロトコルとブラウザー用に予約されており、ページが使えるのは 1000 と 3000〜4999 だけです。${code} の意味を伝えたいなら、${alt} のようなプライベートコードを使い、サーバーと意味を取り決めてください。`,
    );
  }
  return ctx.t(
    'close() accepts only 1000 and 3000–4999, after WebIDL converts the number ([Clamp] to an unsigned short). Use 1000 for a normal close, or 4000–4999 for an app-specific reason.',
    'close() が受け付けるのは、WebIDL による数値変換（[Clamp] で unsigned short に丸める）の後で 1000 と 3000〜4999 だけです。通常の終了には 1000、アプリ独自の理由には 4000〜4999 を使ってください。',
  );
}

export function diagnosePageCloseThrew(ctx: RuleContext): RankedCause[] {
  const threw = ctx.records.filter(
    (r): r is CloseRequestRecord => r.type === 'close-requested' && (r.verdict.thrown !== null || !r.verdict.ok),
  );
  const last = threw[threw.length - 1];
  if (!last) return [];
  const later = ctx.pageClose && ctx.pageClose.seq > last.seq ? ctx.pageClose : null;
  const after = later
    ? ctx.t(' The page called close() again later without an exception.', 'その後、ページは例外なしで close() を呼び直しています。')
    : ctx.t(
        ` Because close() threw, the socket stayed open: the close with ${ctx.code} came later, from elsewhere.`,
        `close() が例外を投げたためソケットは開いたままで、${ctx.code} のクローズは後から別の理由で起きています。`,
      );
  return [
    {
      id: 'page-close-threw',
      score: later ? SCORE.POSSIBLE : SCORE.LIKELY,
      title: ctx.t(
        `The page's close() threw ${last.verdict.thrown ?? last.verdict.predicted ?? 'an exception'}`,
        `ページの close() が ${last.verdict.thrown ?? last.verdict.predicted ?? '例外'} を投げました`,
      ),
      explanation: whatToUse(ctx, last) + after,
      evidence: threw.slice(-5).map((r) =>
        closeRequestEvidence(ctx, r, r.verdict.predicted ? ctx.t(`(the spec predicts ${r.verdict.predicted})`, `（仕様上の予測は ${r.verdict.predicted}）`) : undefined),
      ),
    },
  ];
}
