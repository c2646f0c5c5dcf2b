// Codes about the server's own state rather than the page's data: 1001 Going
// Away, 1011 Internal Error, 1012 Service Restart, 1013 Try Again Later,
// 1014 Bad Gateway. A page never sees its own 1001 (the browser sends it to
// the server on navigation, when the page is already gone), so a 1001 here
// came from the server or a proxy.
// @see RFC 6455 §7.4.1 (1001, 1011); IANA registry (1012–1014)

import type { RuleContext } from './context';
import { closeEvidence, sentEvidence } from './evidence';
import { quoteString } from './format';
import { reasonMentions } from './reason-keywords';
import { BONUS, SCORE, clampScore } from './scores';
import type { Evidence, RankedCause } from './types';

/** A frame sent this soon before a 1011 may be what made the server fail. */
const TRIGGER_WINDOW_MS = 5000;

const BACKOFF_EN = ' Reconnect with exponential backoff and random jitter (for example 1 s, 2 s, 4 s … up to 30 s), so that clients do not all return at once, then restore subscriptions.';
const BACKOFF_JA = '指数バックオフとランダムな揺らぎ（例：1 秒、2 秒、4 秒…最大 30 秒）を入れて再接続し、全クライアントが一斉に戻らないようにしたうえで、購読などの状態を復元してください。';

function reasonSentence(ctx: RuleContext): string {
  const r = ctx.close.reason;
  return r ? ctx.t(` The reason says ${quoteString(r, 120)}.`, `理由には ${quoteString(r, 120)} とあります。`) : '';
}

function cause(ctx: RuleContext, id: string, score: number, title: [string, string], body: [string, string], extra: Evidence[] = []): RankedCause {
  return {
    id,
    score,
    title: ctx.t(...title),
    explanation: ctx.t(body[0], body[1]) + reasonSentence(ctx) + ctx.t(BACKOFF_EN, BACKOFF_JA),
    evidence: [closeEvidence(ctx), ...extra],
  };
}

function internalError(ctx: RuleContext): RankedCause {
  const last = ctx.sends[ctx.sends.length - 1];
  const trigger =
    last && ctx.close.time - last.time <= TRIGGER_WINDOW_MS
      ? [sentEvidence(ctx, last, ctx.t('the last frame sent before the close; it may have triggered the error', '閉じる前に最後に送ったフレーム（エラーの引き金になった可能性があります）'))]
      : [];
  return cause(
    ctx,
    '1011-server-internal-error',
    SCORE.STRONG,
    ['The server hit an unexpected error', 'サーバーで予期しないエラーが発生しました'],
    [
      'The server (or a framework around it) closed because handling the connection failed: typically an exception in a message handler. Its logs at the close time name the error. If it followed a particular message, do not resend that message automatically after reconnecting.',
      'サーバー（またはそれを包むフレームワーク）は接続の処理に失敗したため接続を閉じました。典型的にはメッセージハンドラー内の例外です。閉じた時刻のサーバーログにエラーが記録されています。特定のメッセージの後に起きた場合は、再接続後にそのメッセージを自動で再送しないでください。',
    ],
    trigger,
  );
}

export function diagnoseServerState(ctx: RuleContext): RankedCause[] {
  switch (ctx.code) {
    case 1001:
      return [
        cause(
          ctx,
          '1001-server-going-away',
          clampScore(SCORE.STRONG + (reasonMentions(ctx.close.reason, 'restart') ? BONUS.REASON_AGREES : 0)),
          ['The server is going away (restart, deploy, shutdown)', 'サーバーが去ろうとしています（再起動・デプロイ・停止）'],
          [
            'The server, or a load balancer in front of it, is shutting down, being redeployed or draining connections. A page never receives its own 1001: when it navigates away the browser sends 1001 to the server, and the page is gone by then.',
            'サーバー、またはその手前のロードバランサーが、停止・再デプロイ・接続のドレイン中です。ページ自身の 1001 がページに届くことはありません（ページ遷移時にブラウザーがサーバーへ 1001 を送りますが、そのときページはもうありません）。',
          ],
        ),
      ];
    case 1011:
      return [internalError(ctx)];
    case 1012:
      return [
        cause(ctx, '1012-service-restart', SCORE.DIRECT, ['The service is restarting', 'サービスが再起動しています'], [
          'The server announced a restart (1012 Service Restart): the connection will work again shortly.',
          'サーバーが再起動を通知しました（1012 Service Restart）。しばらくすると接続できるようになります。',
        ]),
      ];
    case 1013:
      return [
        cause(ctx, '1013-try-again-later', SCORE.DIRECT, ['The server is overloaded: try again later', 'サーバーが過負荷です：時間をおいて再試行してください'], [
          'The server refused to keep the connection for now (1013 Try Again Later): it is overloaded or out of capacity. Reconnecting immediately makes it worse; wait longer with every attempt.',
          'サーバーは現時点では接続を維持できないと伝えています（1013 Try Again Later）。過負荷か容量不足です。すぐに再接続すると悪化させるので、試行のたびに待ち時間を延ばしてください。',
        ]),
      ];
    case 1014:
      return [
        cause(ctx, '1014-bad-gateway', SCORE.DIRECT, ['A gateway got a bad answer from the upstream server', 'ゲートウェイが上流サーバーから不正な応答を受けました'], [
          'A gateway or proxy in front of the server closed the connection because the upstream failed or answered invalidly (1014 Bad Gateway). Check the upstream service and the gateway configuration.',
          'サーバーの手前にあるゲートウェイまたはプロキシが、上流の失敗または不正な応答のために接続を閉じました（1014 Bad Gateway）。上流のサービスとゲートウェイの設定を確認してください。',
        ]),
      ];
    default:
      return [];
  }
}
