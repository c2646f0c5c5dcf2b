// 1008 (Policy Violation) the page received: the server enforced a rule of its
// own. Which one shows in the timing (rules-1008-timing.ts), in a burst of
// sends (rate limit) and in the server's own words (the reason).
// @see RFC 6455 §7.4.1 (1008)

import type { RuleContext } from './context';
import { closeEvidence, sentEvidence } from './evidence';
import { formatRate } from './format';
import { reasonMentions, reasonTopics, type ReasonTopic } from './reason-keywords';
import { rejectedAfterHandshake, tokenExpiry } from './rules-1008-timing';
import { BONUS, SCORE, clampScore } from './scores';
import type { Evidence, RankedCause } from './types';

/** A burst: at least this many frames in the last second, and 3× the usual rate. */
const BURST_MIN_FRAMES = 5;
const BURST_FACTOR = 3;
/** With no earlier second to compare with, only a clearly high rate counts. */
const BURST_MIN_UNCOMPARED = 10;

export function rateLimitBurst(ctx: RuleContext): RankedCause[] {
  const edge = ctx.close.time - 1000;
  const burst = ctx.sends.filter((r) => r.time > edge);
  if (burst.length < BURST_MIN_FRAMES) return [];
  const start = ctx.input.openedAt ?? ctx.input.createdAt;
  const span = (edge - start) / 1000;
  const average = span >= 1 ? ctx.sends.filter((r) => r.time <= edge).length / span : null;
  if (burst.length < (average === null ? BURST_MIN_UNCOMPARED : Math.max(BURST_MIN_FRAMES, BURST_FACTOR * average))) return [];
  const ratio = average ? burst.length / average : Infinity;
  const agrees = reasonMentions(ctx.close.reason, 'rate') ? BONUS.REASON_AGREES : 0;
  const [first, last] = [burst[0]!, burst[burst.length - 1]!];
  const range = `#${ctx.sendNumber(first)}–#${ctx.sendNumber(last)}`;
  const rate = formatRate(burst.length);
  const summary: Evidence = {
    seq: last.seq,
    time: last.time,
    label:
      average === null
        ? ctx.t(
            `${burst.length} frames (${range}) sent in the last second before the close: ${rate}, with no earlier second to compare`,
            `閉じる前の最後の 1 秒間に ${burst.length} フレーム（${range}）を送信：${rate}（比較できる以前の区間はありません）`,
          )
        : ctx.t(
            `${burst.length} frames (${range}) sent in the last second before the close: ${rate}, against ${formatRate(average)} on average before`,
            `閉じる前の最後の 1 秒間に ${burst.length} フレーム（${range}）を送信：${rate}（それ以前の平均は ${formatRate(average)}）`,
          ),
  };
  const named = [first, ...burst.slice(1).slice(-4)];
  return [
    {
      id: '1008-rate-limit-burst',
      score: clampScore((ratio >= 5 ? SCORE.STRONG : SCORE.LIKELY) + agrees),
      title: ctx.t('A burst of sends just before the close: rate limit', '閉じる直前の連続送信：レート制限'),
      explanation: ctx.t(
        'The page sent much faster than usual right before the server closed. Servers and gateways enforce message-rate limits with 1008. Throttle or batch the sends (debounce UI events, coalesce updates, queue with a budget), and back off before reconnecting.',
        'サーバーが接続を閉じる直前に、ページは普段よりはるかに速いペースで送信していました。サーバーやゲートウェイはメッセージ数のレート制限を 1008 で強制します。送信を間引くかまとめて（UI イベントのデバウンス、更新の統合、上限付きのキュー）、再接続の前には待機時間を置いてください。',
      ),
      evidence: [summary, ...named.map((r) => sentEvidence(ctx, r))],
    },
  ];
}

const REASON_TEXT: Record<'auth' | 'origin' | 'rate' | 'policy', { title: [string, string]; explanation: [string, string] }> = {
  auth: {
    title: ['The server says authentication failed or expired', 'サーバーは認証の失敗または期限切れを伝えています'],
    explanation: [
      'The close reason points at credentials: a missing, invalid or expired token or session. Refresh the token (before it expires, if the lifetime is known) and reconnect with it; do not retry in a tight loop with the same credentials.',
      'クローズ理由は認証情報の問題（トークンやセッションがない・不正・期限切れ）を示しています。トークンを更新して（有効期間がわかっていれば期限切れの前に）再接続してください。同じ認証情報のまま短い間隔で再試行しないでください。',
    ],
  },
  origin: {
    title: ["The server rejected the page's origin", 'サーバーはページの Origin を拒否しました'],
    explanation: [
      "The close reason names the origin check. Browsers send the page's Origin header with the handshake; add this origin to the server's allow-list (or serve the page from an allowed origin).",
      'クローズ理由は Origin の検査に触れています。ブラウザーはハンドシェイクでページの Origin ヘッダーを送ります。サーバーの許可リストにこの Origin を追加する（または許可された Origin からページを配信する）必要があります。',
    ],
  },
  rate: {
    title: ['The server says the page sent too much (rate limit)', 'サーバーは送信が多すぎる（レート制限）と伝えています'],
    explanation: [
      'The close reason names a rate or quota limit. Throttle or batch the sends, and reconnect with exponential backoff rather than immediately.',
      'クローズ理由はレートやクォータの制限を示しています。送信を間引くかまとめ、すぐに再接続せず指数バックオフを入れてください。',
    ],
  },
  policy: {
    title: ['The server names a policy the page violated', 'サーバーはページが違反したポリシーを示しています'],
    explanation: [
      "The close reason names the rule. Compare the last frames the page sent with the server's policy (allowed message types, content rules, subscriptions).",
      'クローズ理由がそのルールを示しています。ページが最後に送ったフレームを、サーバーのポリシー（許可されたメッセージの種類、内容の規則、購読の制限など）と比べてください。',
    ],
  },
};

function reasonSays(ctx: RuleContext): RankedCause[] {
  const topics = reasonTopics(ctx.close.reason, ['auth', 'origin', 'rate', 'policy'] as ReasonTopic[]);
  const topic = topics[0] as keyof typeof REASON_TEXT | undefined;
  if (!topic) return [];
  const text = REASON_TEXT[topic];
  return [
    {
      id: `1008-reason-${topic}`,
      score: SCORE.SERVER_SAYS,
      title: ctx.t(...text.title),
      explanation: ctx.t(...text.explanation),
      evidence: [closeEvidence(ctx)],
    },
  ];
}

function unnamedPolicy(ctx: RuleContext): RankedCause {
  const last = ctx.sends[ctx.sends.length - 1];
  return {
    id: '1008-policy-unnamed',
    score: SCORE.FALLBACK,
    title: ctx.t('The server enforced a policy it did not name', 'サーバーが名前を示さずにポリシーを適用しました'),
    explanation: ctx.t(
      `1008 is the generic "you broke a rule" code: authentication, authorization, origin, rate or content rules. Nothing in the timeline points at one. ${ctx.info.whenYouSeeIt}`,
      `1008 は「ルールに違反した」ことを示す汎用のコードです（認証、認可、Origin、レート、内容の規則など）。タイムラインからはどれか特定できません。${ctx.info.whenYouSeeIt}`,
    ),
    evidence: [
      closeEvidence(ctx),
      ...(last ? [sentEvidence(ctx, last, ctx.t('the last frame sent before the close', '閉じる前に最後に送信したフレーム'))] : []),
    ],
  };
}

export function diagnose1008(ctx: RuleContext): RankedCause[] {
  const causes = [...rejectedAfterHandshake(ctx), ...rateLimitBurst(ctx), ...tokenExpiry(ctx), ...reasonSays(ctx)];
  return causes.length > 0 ? causes : [unnamedPolicy(ctx)];
}
