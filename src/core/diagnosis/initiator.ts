// Who ended the connection. The page did when a close() call of its own (one
// that did not throw) came before the close, whatever code the server then
// echoed (1000 after close(1000), 1005 after a bare close()). The browser did
// when no Close frame arrived: 1006 (and an unclean 1015) exist only inside
// an endpoint, and a socket that never opened was failed by the browser.
// Otherwise the server (or a proxy in front of it) sent the Close frame.
// @see RFC 6455 §7.1.5 (the close code is the one in the first Close frame received), §7.4.1
// @see WHATWG WebSockets Standard, "feedback from the protocol" (fail the connection → 1006)

import type { RuleContext } from './context';
import { closeCall } from './evidence';
import { formatBytes } from './format';
import type { Initiator } from './types';

export interface InitiatorVerdict {
  initiator: Initiator;
  explanation: string;
}

function byPage(ctx: RuleContext): string {
  const req = ctx.pageClose!;
  const call = closeCall(req);
  const code = ctx.code;
  if (code === 1006) {
    const opened = ctx.input.openedAt;
    return opened === null || req.time < opened
      ? ctx.t(
          `The page called ${call} while the connection was still being established. The browser abandoned the handshake and reports 1006 with wasClean false.`,
          `接続の確立中にページが ${call} を呼び出しました。ブラウザーはハンドシェイクを中止し、wasClean が false の 1006 を報告します。`,
        )
      : ctx.t(
          `The page called ${call}, but no Close frame came back before the connection ended, so the closing handshake never completed and the browser reports 1006.`,
          `ページが ${call} を呼び出しましたが、接続が切れるまでにクローズフレームが返ってこなかったため、クロージングハンドシェイクが完了せず、ブラウザーは 1006 を報告します。`,
        );
  }
  if (code === 1005 && req.code === null) {
    return ctx.t(
      `The page called ${call} without a status code. The Close frames carried no code, and a browser reports that as 1005 (No Status Received).`,
      `ページがステータスコードなしで ${call} を呼び出しました。クローズフレームにコードが入っていないため、ブラウザーはこれを 1005（No Status Received）として報告します。`,
    );
  }
  if (req.verdict.wireCode === code) {
    return ctx.t(
      `The page called ${call}; the server echoed code ${code} and the closing handshake completed.`,
      `ページが ${call} を呼び出し、サーバーがコード ${code} をそのまま返して、クロージングハンドシェイクが完了しました。`,
    );
  }
  return ctx.t(
    `The page called ${call}; the server answered with code ${code} instead of echoing the page's code.`,
    `ページが ${call} を呼び出しましたが、サーバーはページのコードをそのまま返さず、コード ${code} で応答しました。`,
  );
}

function byBrowser(ctx: RuleContext): string {
  if (ctx.input.openedAt === null) {
    return ctx.t(
      'The connection never opened: the browser failed it during the handshake (refused by the server, unreachable, or a TLS failure) and reports 1006. No Close frame was ever exchanged.',
      '接続は一度も開きませんでした。ハンドシェイクの段階でブラウザーが接続を失敗させ（サーバーによる拒否、到達不能、TLS の失敗など）、1006 を報告しています。クローズフレームは一度もやり取りされていません。',
    );
  }
  if (ctx.errorRecord) {
    return ctx.t(
      `The browser failed the connection itself: an error event came before the close. ${ctx.code} is a code the browser reports locally; it is never sent on the wire.`,
      `ブラウザー自身が接続を失敗させました（close の前に error イベントが発生しています）。${ctx.code} はブラウザーが手元で報告するコードで、通信路に載ることはありません。`,
    );
  }
  return ctx.t(
    `No Close frame arrived: the connection ended without a closing handshake (the network dropped, or the server or a proxy closed the TCP connection), so the browser reports ${ctx.code}.`,
    `クローズフレームが届かないまま接続が終わりました（ネットワークの切断、またはサーバーやプロキシによる TCP 接続の切断）。そのためブラウザーは ${ctx.code} を報告しています。`,
  );
}

function byServer(ctx: RuleContext): string {
  const code = ctx.code;
  if (code === 1006 || code === 1015) {
    return ctx.t(
      `The server put ${code} in its Close frame. RFC 6455 §7.4.1 forbids that: ${code} may only be reported locally.`,
      `サーバーがクローズフレームに ${code} を入れて送ってきました。RFC 6455 §7.4.1 はこれを禁じています（${code} は手元での報告にしか使えません）。`,
    );
  }
  if (code === 1005) {
    return ctx.t(
      'The server (or a proxy in front of it) sent a Close frame without a status code; the page had not called close(). A browser reports an empty Close frame as 1005.',
      'サーバー（またはその手前のプロキシ）がステータスコードのないクローズフレームを送ってきました。ページは close() を呼んでいません。空のクローズフレームはブラウザーでは 1005 として報告されます。',
    );
  }
  const unclean = ctx.close.wasClean ? '' : uncleanAfterServerClose(ctx);
  return (
    ctx.t(
      `The server (or a proxy in front of it) sent a Close frame with code ${code}; the page had not called close().`,
      `サーバー（またはその手前のプロキシ）がコード ${code} のクローズフレームを送ってきました。ページは close() を呼んでいません。`,
    ) + unclean
  );
}

/**
 * Why a close with the server's code can still be unclean. Chromium's
 * DOMWebSocket::DidClose reports wasClean false not only when the closing
 * handshake failed but also when data the page sent was still queued
 * (bufferedAmount > 0) as the close arrived: those frames are dropped. The
 * last send's bufferedAmount shows whether the page had such a backlog.
 */
function uncleanAfterServerClose(ctx: RuleContext): string {
  const last = ctx.sends.at(-1);
  if (ctx.browser !== 'firefox' && last && last.bufferedAmount > 0) {
    const queued = formatBytes(last.bufferedAmount, ctx.locale);
    const frame = ctx.sendNumber(last);
    return ctx.t(
      ` wasClean is false: Chromium also reports an unclean close when data the page sent was still queued as the close arrived, and right after sent frame #${frame} bufferedAmount was ${queued}. Frames still queued at the close were dropped, never sent; the server did not see them.`,
      `wasClean は false です。Chromium は、ページが送ったデータが close の到着時点でまだ送信待ちだった場合にも正常でない終了として報告します。送信フレーム #${frame} の直後の bufferedAmount は ${queued} でした。close の時点で送信待ちだったフレームは破棄され、サーバーには届いていません。`,
    );
  }
  return ctx.t(' The closing handshake did not finish cleanly (wasClean false).', 'ただし、クロージングハンドシェイクは正常に完了していません（wasClean が false）。');
}

export function decideInitiator(ctx: RuleContext): InitiatorVerdict {
  if (ctx.pageClose) return { initiator: 'page', explanation: byPage(ctx) };
  const localOnly = (ctx.code === 1006 || ctx.code === 1015) && !ctx.close.wasClean;
  if (localOnly || ctx.input.openedAt === null) return { initiator: 'browser', explanation: byBrowser(ctx) };
  return { initiator: 'server', explanation: byServer(ctx) };
}
