// Closes whose story is who initiated them: 1000 (normal), 1005 (no status:
// the Close frame had no code) and any code the page passed to close() itself.
// @see RFC 6455 §5.5.1 (the answering endpoint "typically echos the status code it received"), §7.4.1
// @see WPT closing-handshake/003.html (close() without a code → the page sees 1005)

import type { RuleContext } from './context';
import { closeCall, closeEvidence, closeRequestEvidence, receivedEvidence } from './evidence';
import { quoteString } from './format';
import { SCORE } from './scores';
import type { RankedCause } from './types';

const reasonSentence = (ctx: RuleContext) =>
  ctx.close.reason ? ctx.t(` The reason says ${quoteString(ctx.close.reason, 120)}.`, `理由には ${quoteString(ctx.close.reason, 120)} とあります。`) : '';

/** The page's close() call, quoting its stack: the function that closed is right there. */
function pageClosed(ctx: RuleContext, id: string, title: [string, string], body: [string, string]): RankedCause {
  const req = ctx.pageClose!;
  return {
    id,
    score: SCORE.DIRECT,
    title: ctx.t(...title),
    explanation:
      ctx.t(...body) +
      ctx.t(
        ' If the close was unexpected, the stack shows which code called close(): often a component unmounting, a logout handler, or a library giving up after a missed heartbeat.',
        '閉じたことが想定外なら、スタックから close() を呼んだコードがわかります。コンポーネントのアンマウント、ログアウト処理、ハートビートの欠落であきらめたライブラリなどがよくある原因です。',
      ),
    evidence: [closeRequestEvidence(ctx, req), closeEvidence(ctx)],
  };
}

export function diagnose1000(ctx: RuleContext): RankedCause[] {
  if (ctx.pageClose) {
    return [
      pageClosed(ctx, '1000-page-closed', ['The page closed the connection itself', 'ページ自身が接続を閉じました'], [
        `The page called ${closeCall(ctx.pageClose)} and the closing handshake completed: a normal closure.`,
        `ページが ${closeCall(ctx.pageClose)} を呼び出し、クロージングハンドシェイクが完了しました。正常な終了です。`,
      ]),
    ];
  }
  const lastIn = ctx.received[ctx.received.length - 1];
  return [
    {
      id: '1000-server-closed',
      score: SCORE.STRONG,
      title: ctx.t('The server ended the session normally', 'サーバーがセッションを正常に終了しました'),
      explanation:
        ctx.t(
          'The server decided the session was over and closed with 1000: logout, end of a stream, idle clean-up, or a library closing on purpose. Nothing is wrong at the protocol level; if the app must stay connected, reconnect on close and restore its state.',
          'サーバーはセッションが終わったと判断し、1000 で接続を閉じました（ログアウト、ストリームの終了、アイドル接続の整理、ライブラリによる意図的な切断など）。プロトコルのレベルでは問題はありません。接続を保つ必要があるなら、close を受けたら再接続して状態を復元してください。',
        ) + reasonSentence(ctx),
      evidence: [
        closeEvidence(ctx),
        ...(lastIn ? [receivedEvidence(ctx, lastIn, ctx.t('the last frame from the server before it closed', 'サーバーが閉じる前に最後に送ってきたフレーム'))] : []),
      ],
    },
  ];
}

export function diagnose1005(ctx: RuleContext): RankedCause[] {
  const req = ctx.pageClose;
  if (req && req.code === null) {
    return [
      pageClosed(ctx, '1005-page-closed-without-code', ['The page called close() without a code', 'ページがコードなしで close() を呼びました'], [
        `The page called ${closeCall(req)}, so its Close frame carried no status code and the server echoed an empty one; a browser reports that as 1005. Pass a code (close(1000) or 4000–4999) to say why.`,
        `ページが ${closeCall(req)} を呼んだため、クローズフレームにステータスコードが入らず、サーバーも空のクローズフレームを返しました。ブラウザーはこれを 1005 と報告します。理由を伝えるにはコードを渡してください（close(1000) または 4000〜4999）。`,
      ]),
    ];
  }
  if (req) {
    return [
      pageClosed(ctx, '1005-server-answered-without-code', ['The server answered the page\'s close() with an empty Close frame', 'サーバーはページの close() に空のクローズフレームで応答しました'], [
        `The page called ${closeCall(req)}; the server answered with a Close frame without a code instead of echoing it, and the browser reports 1005. Harmless: the page initiated the close.`,
        `ページが ${closeCall(req)} を呼びましたが、サーバーはコードを返さず、コードのないクローズフレームで応答したため、ブラウザーは 1005 を報告します。ページが始めたクローズなので問題ありません。`,
      ]),
    ];
  }
  return [
    {
      id: '1005-server-sent-empty-close',
      score: SCORE.STRONG,
      title: ctx.t('The server closed without a status code', 'サーバーがステータスコードなしで接続を閉じました'),
      explanation: ctx.t(
        'The server (or a proxy) sent a Close frame with no code, which a browser reports as 1005; it is never on the wire itself. Servers do this when their close() is called without arguments. Ask the server side to send a code (1000, 1001, or 4000–4999 for app meanings) so clients can tell why.',
        'サーバー（またはプロキシ）がコードのないクローズフレームを送り、ブラウザーはそれを 1005 と報告しています（1005 自体が通信路に載ることはありません）。サーバー側で引数なしの close() を呼ぶとこうなります。クライアントが理由を判別できるよう、サーバーにコード（1000、1001、アプリ独自の意味なら 4000〜4999）を送ってもらってください。',
      ),
      evidence: [closeEvidence(ctx)],
    },
  ];
}

/** Any other code the page closed with itself (3000–4999): the page's own meaning. */
export function diagnosePageCode(ctx: RuleContext): RankedCause[] {
  if (!ctx.pageClose) return [];
  return [
    pageClosed(ctx, 'page-closed', ['The page closed the connection itself', 'ページ自身が接続を閉じました'], [
      `The page called ${closeCall(ctx.pageClose)}; the server answered and the connection closed with ${ctx.code}.`,
      `ページが ${closeCall(ctx.pageClose)} を呼び出し、サーバーが応答して、接続は ${ctx.code} で閉じられました。`,
    ]),
  ];
}
