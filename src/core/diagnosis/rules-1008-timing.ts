// 1008 (Policy Violation) causes read from when the close came: right after
// the handshake (the server checked credentials, origin or a ticket after
// accepting the upgrade), or after a round lifetime (a token or session expired).
// @see RFC 6455 §7.4.1 (1008: a generic status when no other code fits)

import type { RuleContext } from './context';
import { closeEvidence, recordEvidence, sentEvidence } from './evidence';
import { formatDuration } from './format';
import { reasonTopics } from './reason-keywords';
import { BONUS, SCORE, clampScore } from './scores';
import type { RankedCause } from './types';

/** "Within moments of open". */
export const REJECT_WINDOW_MS = 2000;

const MIN = 60_000;
const HOUR = 60 * MIN;
/** Lifetimes servers give tokens and sessions. */
export const ROUND_LIFETIMES_MS: readonly number[] = [MIN, 5 * MIN, 10 * MIN, 15 * MIN, 30 * MIN, HOUR, 2 * HOUR, 12 * HOUR, 24 * HOUR];

const authAgrees = (ctx: RuleContext) => reasonTopics(ctx.close.reason, ['auth', 'origin']).length > 0;

export function rejectedAfterHandshake(ctx: RuleContext): RankedCause[] {
  const opened = ctx.input.openedAt;
  if (opened === null || !ctx.openRecord) return [];
  const lifetime = ctx.close.time - opened;
  if (lifetime > REJECT_WINDOW_MS || ctx.sends.length > 1) return [];
  const only = ctx.sends[0];
  const d = formatDuration(lifetime, ctx.locale);
  return [
    {
      id: '1008-rejected-after-handshake',
      score: clampScore(SCORE.STRONG + (authAgrees(ctx) ? BONUS.REASON_AGREES : 0)),
      title: ctx.t(
        'Rejected right after the handshake: credentials, origin or ticket',
        'ハンドシェイク直後の拒否：認証情報・Origin・チケット',
      ),
      explanation: ctx.t(
        `The server accepted the upgrade, then closed ${d} later${only ? ' after a single frame' : ' before the page sent anything'}. Servers that check authentication after the handshake do exactly this: a missing, invalid or expired token (in the URL, a cookie or the first message), an Origin not on the allow-list, or a one-time ticket that was already used. Check what the page sends first and what the server logs for this connection.`,
        `サーバーはアップグレードを受け入れた後、${d}後に接続を閉じました${only ? '（フレームを 1 つ受け取った直後）' : '（ページはまだ何も送っていません）'}。ハンドシェイク後に認証を確認するサーバーは、まさにこのように動作します：トークンがない・不正・期限切れ（URL、Cookie、最初のメッセージのいずれか）、許可リストにない Origin、使用済みのワンタイムチケットなどです。ページが最初に送る内容と、この接続についてのサーバーのログを確認してください。`,
      ),
      evidence: [
        recordEvidence(ctx.openRecord, ctx.t(`Connection opened; the close came ${d} later`, `接続が開き、その ${d}後に閉じられました`)),
        ...(only ? [sentEvidence(ctx, only, ctx.t('the only frame sent (often the auth or ticket message)', '送信した唯一のフレーム（多くの場合、認証やチケットのメッセージ）'))] : []),
        closeEvidence(ctx),
      ],
    },
  ];
}

/** The round lifetime the connection's age is close to (within 2 % or 5 s), or null. */
export function nearRoundLifetime(age: number): number | null {
  for (const lifetime of ROUND_LIFETIMES_MS) {
    if (Math.abs(age - lifetime) <= Math.max(lifetime * 0.02, 5000)) return lifetime;
  }
  return null;
}

export function tokenExpiry(ctx: RuleContext): RankedCause[] {
  const opened = ctx.input.openedAt;
  if (opened === null || !ctx.openRecord) return [];
  const age = ctx.close.time - opened;
  const lifetime = nearRoundLifetime(age);
  if (lifetime === null) return [];
  const [ageText, lifeText, off] = [age, lifetime, age - lifetime].map((ms) => formatDuration(ms, ctx.locale)) as [string, string, string];
  return [
    {
      id: '1008-token-expiry',
      score: clampScore(SCORE.LIKELY + (authAgrees(ctx) ? BONUS.REASON_AGREES : 0)),
      title: ctx.t(
        `Closed after ${lifeText}: a token or session probably expired`,
        `${lifeText}で切断：トークンまたはセッションの期限切れの可能性`,
      ),
      explanation: ctx.t(
        `The connection lived ${ageText}, within ${off} of a round ${lifeText}. Servers that tie a socket to an access token or session close it with 1008 when that expires. Refresh the token before it expires (and re-authenticate over the socket if the protocol allows), or reconnect with a fresh token when this close arrives.`,
        `接続は ${ageText}続きました。きりのよい ${lifeText}との差は ${off}です。ソケットをアクセストークンやセッションに結びつけているサーバーは、その期限が切れると 1008 で接続を閉じます。期限が切れる前にトークンを更新する（プロトコルが許すならソケット上で再認証する）か、このクローズを受けたら新しいトークンで再接続してください。`,
      ),
      evidence: [
        recordEvidence(ctx.openRecord, ctx.t('Connection opened (start of its lifetime)', '接続が開いた時刻（有効期間の起点）')),
        closeEvidence(ctx, ctx.t(`Closed ${ageText} after open, ${off} off a ${lifeText} lifetime`, `開いてから ${ageText}後に閉じられました（${lifeText}との差は ${off}）`)),
      ],
    },
  ];
}
