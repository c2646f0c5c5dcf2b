// 1006 on a socket that never opened: the handshake was refused or the server
// was unreachable. Scripts never see the HTTP status of a refused upgrade (the
// page only gets error + close 1006), so the status comes from Chrome's network
// log when the panel has it, and otherwise the card says why it does not.
// @see WHATWG WebSockets Standard ("fail the WebSocket connection" → 1006, no status exposed)
// @see RFC 6455 §4.1 (the client fails the connection on any status other than 101)

import type { RuleContext } from './context';
import { harEvidence, recordEvidence } from './evidence';
import { SCORE } from './scores';
import type { Evidence, RankedCause } from './types';

/** HTTP status named by Chrome's error text, or given by the HAR entry. */
export function handshakeStatus(status: number, errors: readonly string[]): { status: number; quote: string | null } | null {
  for (const text of errors) {
    const code = /Unexpected response code:\s*(\d{3})/i.exec(text);
    if (code) return { status: Number(code[1]), quote: text };
    if (/HTTP Authentication failed/i.test(text)) return { status: 401, quote: text };
  }
  return status >= 100 && status !== 101 ? { status, quote: null } : null;
}

function statusMeaning(ctx: RuleContext, s: number): string {
  if (s === 401 || s === 403)
    return ctx.t(
      `The server refused the upgrade with HTTP ${s}: authentication or the origin check failed before the WebSocket existed. Browsers cannot add custom headers to a WebSocket handshake, so send credentials as a cookie or in the URL (a short-lived ticket), and allow this page's Origin on the server.`,
      `サーバーは HTTP ${s} でアップグレードを拒否しました。WebSocket が確立する前に、認証または Origin の検査で失敗しています。ブラウザーは WebSocket のハンドシェイクに独自ヘッダーを付けられないため、認証情報は Cookie か URL（短命のチケット）で送り、サーバー側でこのページの Origin を許可してください。`,
    );
  if (s === 404)
    return ctx.t(
      'Nothing answers WebSocket upgrades at this path (HTTP 404): check the URL path and the proxy routing.',
      'このパスには WebSocket のアップグレードに応えるものがありません（HTTP 404）。URL のパスとプロキシのルーティングを確認してください。',
    );
  if (s >= 500)
    return ctx.t(
      `The server or a gateway failed (HTTP ${s}): 502 and 504 mean the proxy could not reach the WebSocket backend, 503 that it is down or overloaded. Reconnect with exponential backoff.`,
      `サーバーまたはゲートウェイが失敗しました（HTTP ${s}）。502 と 504 はプロキシが WebSocket のバックエンドに到達できなかったこと、503 はバックエンドの停止または過負荷を意味します。指数バックオフを入れて再接続してください。`,
    );
  if (s < 400)
    return ctx.t(
      `An ordinary HTTP response (HTTP ${s}) answered instead of 101 Switching Protocols: the URL points at a web page, or at a redirect, which a WebSocket handshake does not follow.`,
      `101 Switching Protocols ではなく通常の HTTP レスポンス（HTTP ${s}）が返りました。URL が Web ページかリダイレクトを指しています（WebSocket のハンドシェイクはリダイレクトをたどりません）。`,
    );
  return ctx.t(
    `The server or a proxy did not accept the upgrade request (HTTP ${s}). A proxy that drops the Upgrade and Connection headers causes this (nginx needs proxy_http_version 1.1 and both headers set), as does a server that requires a subprotocol or version the page did not offer.`,
    `サーバーまたはプロキシがアップグレード要求を受け付けませんでした（HTTP ${s}）。Upgrade ヘッダーと Connection ヘッダーを落とすプロキシ（nginx では proxy_http_version 1.1 と両ヘッダーの設定が必要）や、ページが提示していないサブプロトコルやバージョンを要求するサーバーが原因になります。`,
  );
}

/** Why no HTTP status can be shown, as an evidence item outside the timeline. */
function unavailableEvidence(ctx: RuleContext): Evidence {
  const net = ctx.input.network;
  const why =
    net && 'unavailable' in net
      ? net.unavailable
      : ctx.browser === 'firefox'
        ? ctx.t('Firefox does not give extensions the HAR detail of a WebSocket handshake.', 'Firefox は WebSocket ハンドシェイクの HAR の詳細を拡張機能に提供しません。')
        : ctx.t('No network log was provided (DevTools was not open when the socket connected).', 'ネットワークログがありません（ソケットの接続時に DevTools が開いていませんでした）。');
  return {
    seq: null,
    time: null,
    label: ctx.t(
      'HTTP status unknown: the browser hides it from scripts, and no network log detail is available',
      'HTTP ステータスは不明です（ブラウザーはスクリプトにこれを隠し、ネットワークログの詳細も得られません）',
    ),
    quote: why,
  };
}

function timelineEvidence(ctx: RuleContext): Evidence[] {
  const created = ctx.records.find((r) => r.type === 'created');
  const out: Evidence[] = [];
  if (created) out.push(recordEvidence(created, ctx.t(`Connection to ${ctx.input.url} started`, `${ctx.input.url} への接続を開始`)));
  if (ctx.errorRecord)
    out.push(recordEvidence(ctx.errorRecord, ctx.t('error event before any open event', 'open イベントより前に error イベント')));
  return out;
}

export function diagnoseNeverOpened(ctx: RuleContext): RankedCause[] {
  const net = ctx.input.network;
  const har = net && !('unavailable' in net) ? net : null;
  const found = har ? handshakeStatus(har.status, har.errors) : null;
  const refused = (score: number, explanation: string, extra: Evidence[]): RankedCause => ({
    id: '1006-handshake-refused',
    score,
    title: found
      ? ctx.t(`The server refused the handshake: HTTP ${found.status}`, `サーバーがハンドシェイクを拒否しました：HTTP ${found.status}`)
      : ctx.t('The server refused the handshake', 'サーバーがハンドシェイクを拒否しました'),
    explanation,
    evidence: [...extra, ...timelineEvidence(ctx)],
  });
  if (found) {
    return [refused(SCORE.DIRECT, statusMeaning(ctx, found.status), found.quote ? [harEvidence(ctx, found.quote)] : [])];
  }
  const unreachable = (score: number, extra: Evidence[]): RankedCause => ({
    id: '1006-server-unreachable',
    score,
    title: ctx.t('The server could not be reached', 'サーバーに到達できませんでした'),
    explanation: ctx.t(
      'No HTTP response came back: the host name did not resolve, the connection was refused or timed out, the TLS handshake failed (certificate expired, self-signed or for another host), or a firewall or extension blocked it. The Console shows "WebSocket connection to … failed" with the browser\'s reason.',
      'HTTP レスポンスが返ってきませんでした。ホスト名が解決できない、接続が拒否またはタイムアウトした、TLS ハンドシェイクに失敗した（証明書の期限切れ・自己署名・別ホスト用）、ファイアウォールや拡張機能がブロックした、などが考えられます。コンソールにはブラウザーの理由付きで「WebSocket connection to … failed」が表示されます。',
    ),
    evidence: [...extra, ...timelineEvidence(ctx)],
  });
  if (har && har.errors.length > 0) {
    return [
      {
        id: '1006-handshake-failed',
        score: SCORE.DIRECT,
        title: ctx.t('The browser failed the handshake', 'ブラウザーがハンドシェイクを失敗させました'),
        explanation: ctx.t(
          "The browser's own error text for this socket says why the handshake failed.",
          'このソケットについてのブラウザー自身のエラーメッセージが、ハンドシェイクの失敗理由を示しています。',
        ),
        evidence: [...har.errors.map((text) => harEvidence(ctx, text)), ...timelineEvidence(ctx)],
      },
    ];
  }
  if (har) return [unreachable(SCORE.LIKELY, [])];
  const hidden = unavailableEvidence(ctx);
  const causes = [
    refused(
      SCORE.POSSIBLE,
      ctx.t(
        'The server may have answered the upgrade with an HTTP error (401/403 from an authentication or origin check, 404 for a wrong path, 5xx from a proxy). Which one cannot be seen here: open DevTools before the socket connects (Chrome) or read the Network panel.',
        'サーバーがアップグレードに HTTP エラーで応答した可能性があります（認証や Origin の検査による 401/403、パス違いの 404、プロキシの 5xx など）。ここではどれかを判別できません。ソケットの接続前に DevTools を開く（Chrome）か、ネットワークパネルを確認してください。',
      ),
      [hidden],
    ),
    unreachable(SCORE.POSSIBLE - 0.05, [hidden]),
  ];
  if (ctx.browser === 'firefox') causes.push(failedBeforeOpen(ctx));
  return causes;
}

/**
 * Firefox fails a connection whose first frames are invalid (e.g. a text
 * frame that is not UTF-8) before it dispatches `open`, so from the page it
 * looks exactly like a refused handshake (measured on Firefox ESR 153).
 */
function failedBeforeOpen(ctx: RuleContext): RankedCause {
  return {
    id: '1006-invalid-utf8-received',
    score: SCORE.POSSIBLE - 0.1,
    title: ctx.t(
      'The connection may have opened and failed at once on an invalid first frame',
      '接続は確立したものの、最初の不正なフレームで直ちに失敗した可能性があります',
    ),
    explanation: ctx.t(
      'Firefox fails the connection before the open event when the server\'s first frame is invalid, most often a text frame that is not valid UTF-8 (Firefox then sends the server 1007 or drops TCP). The page cannot tell this from a refused handshake: check the server\'s log for a completed handshake, or reproduce in Chrome with DevTools open.',
      'サーバーの最初のフレームが不正な場合（多くは UTF-8 として正しくないテキストフレーム）、Firefox は open イベントより前に接続を失敗させます（サーバーには 1007 を送るか TCP を切断します）。ページからはハンドシェイクの拒否と区別できません。サーバーのログでハンドシェイクが完了しているか確認するか、DevTools を開いた Chrome で再現してください。',
    ),
    evidence: timelineEvidence(ctx),
  };
}
