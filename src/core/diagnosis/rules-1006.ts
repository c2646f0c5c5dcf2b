// 1006 (Abnormal Closure): no Close frame arrived. Never on the wire; the
// browser reports it. Which story fits depends on what came before: the
// page's own close(), a handshake that never finished, an error (the browser
// failed the connection), or nothing at all (the connection was dropped).
// @see RFC 6455 §7.1.5, §7.4.1 (1006: "MUST NOT be set as a status code in a Close control frame")

import { lastTraffic, type RuleContext } from './context';
import { closeEvidence, closeRequestEvidence, recordEvidence, sentEvidence, receivedEvidence } from './evidence';
import { formatDuration } from './format';
import { diagnoseBrowserFailure } from './rules-1006-failure';
import { diagnoseNeverOpened } from './rules-1006-handshake';
import { SCORE } from './scores';
import type { Evidence, RankedCause, TimelineRecord } from './types';

/** Idle timeouts of common proxies: nginx proxy_read_timeout and AWS ALB default to 60 s, Cloudflare to 100 s. */
export const PROXY_IDLE_TIMEOUTS_MS: readonly number[] = [60_000, 100_000];
const IDLE_TOLERANCE = 0.1;

function pageClosed(ctx: RuleContext): RankedCause[] {
  const req = ctx.pageClose!;
  const opened = ctx.input.openedAt;
  if (opened === null || req.time < opened) {
    return [
      {
        id: '1006-closed-while-connecting',
        score: SCORE.DIRECT,
        title: ctx.t('The page closed the socket before it opened', 'ページが接続確立前にソケットを閉じました'),
        explanation: ctx.t(
          'close() during CONNECTING aborts the handshake; the browser then reports 1006 with wasClean false. Often a component unmounted (or React StrictMode ran an effect twice) right after creating the socket. Harmless if intended; otherwise create the socket once and close it only after open.',
          'CONNECTING 中の close() はハンドシェイクを中断し、ブラウザーは wasClean が false の 1006 を報告します。ソケットを作った直後にコンポーネントがアンマウントされた（あるいは React の StrictMode がエフェクトを 2 回実行した）場合によく起こります。意図したものなら問題ありません。そうでなければソケットは一度だけ作り、open の後に閉じてください。',
        ),
        evidence: [closeRequestEvidence(ctx, req), closeEvidence(ctx)],
      },
    ];
  }
  const wait = formatDuration(ctx.close.time - req.time, ctx.locale);
  return [
    {
      id: '1006-close-unanswered',
      score: SCORE.LIKELY,
      title: ctx.t('The server never answered the page\'s Close frame', 'サーバーがページのクローズフレームに応答しませんでした'),
      explanation: ctx.t(
        `The page called close(), but no Close frame came back; the connection ended ${wait} later without a closing handshake. The server (or a proxy) dropped the TCP connection instead of echoing the Close frame, or the network failed while closing. Usually harmless, since the page wanted to close; make the server answer Close frames.`,
        `ページは close() を呼びましたが、クローズフレームは返ってこず、接続は ${wait}後にクロージングハンドシェイクなしで終わりました。サーバー（またはプロキシ）がクローズフレームを返さずに TCP 接続を切ったか、切断処理中にネットワークが失敗しています。ページは閉じるつもりだったので多くの場合は無害ですが、サーバーがクローズフレームに応答するよう直してください。`,
      ),
      evidence: [closeRequestEvidence(ctx, req), closeEvidence(ctx)],
    },
  ];
}

function trafficEvidence(ctx: RuleContext, r: TimelineRecord, detail: string): Evidence {
  if (r.type === 'sent') return sentEvidence(ctx, r, detail);
  if (r.type === 'received') return receivedEvidence(ctx, r, detail);
  return recordEvidence(r, ctx.t(`Connection opened: ${detail}`, `接続が開いた時刻：${detail}`));
}

function dropped(ctx: RuleContext): RankedCause[] {
  const last = lastTraffic(ctx);
  const idle = last ? ctx.close.time - last.time : null;
  const timeout = idle === null ? undefined : PROXY_IDLE_TIMEOUTS_MS.find((t) => Math.abs(idle - t) <= t * IDLE_TOLERANCE);
  const idleText = idle === null ? '' : formatDuration(idle, ctx.locale);
  const lastEvidence = last
    ? [trafficEvidence(ctx, last, ctx.t(`the last traffic; then nothing for ${idleText} until the close`, `最後の通信。その後 ${idleText}、閉じられるまで何もありません`))]
    : [];
  const noFrame = closeEvidence(ctx, ctx.t('No error event and no Close frame before it', 'その前に error イベントもクローズフレームもありません'));
  const causes: RankedCause[] = [];
  if (timeout !== undefined) {
    causes.push({
      id: '1006-proxy-idle-timeout',
      score: SCORE.STRONG,
      title: ctx.t(`Idle for ${idleText}: a proxy idle timeout`, `${idleText}の無通信：プロキシのアイドルタイムアウト`),
      explanation: ctx.t(
        `Nothing went either way for ${idleText} before the connection was cut, close to a common proxy idle timeout (nginx proxy_read_timeout and AWS ALB: 60 s; Cloudflare: 100 s). The proxy closes idle connections without a Close frame. Send an application-level heartbeat (pages cannot send ping frames) every 20–30 s, or raise the proxy's timeout.`,
        `接続が切れる前の ${idleText}間、どちらの方向にも通信がありませんでした。これは一般的なプロキシのアイドルタイムアウト（nginx の proxy_read_timeout と AWS ALB は 60 秒、Cloudflare は 100 秒）に近い値です。プロキシはアイドル状態の接続をクローズフレームなしで切断します。アプリケーションレベルのハートビート（ページは ping フレームを送れません）を 20〜30 秒ごとに送るか、プロキシのタイムアウトを延ばしてください。`,
      ),
      evidence: [...lastEvidence, noFrame],
    });
  }
  causes.push({
    id: '1006-connection-dropped',
    score: timeout !== undefined ? SCORE.POSSIBLE : SCORE.LIKELY,
    title: ctx.t('The connection was dropped without a Close frame', 'クローズフレームなしで接続が切断されました'),
    explanation: ctx.t(
      'The connection ended with no error event and no Close frame: the network went away (Wi-Fi change, sleep, VPN), the server process crashed or was killed, or a proxy or load balancer cut the TCP connection. Reconnect with exponential backoff, and send heartbeats to notice dead connections early.',
      'error イベントもクローズフレームもなく接続が終わりました。ネットワークの喪失（Wi-Fi の切り替え、スリープ、VPN）、サーバープロセスのクラッシュや強制終了、プロキシやロードバランサーによる TCP 接続の切断などが考えられます。指数バックオフで再接続し、ハートビートを送って切れた接続を早めに検出してください。',
    ),
    evidence: [noFrame, ...lastEvidence],
  });
  return causes;
}

export function diagnose1006(ctx: RuleContext): RankedCause[] {
  if (ctx.pageClose) return pageClosed(ctx);
  if (ctx.input.openedAt === null) return diagnoseNeverOpened(ctx);
  if (ctx.errorRecord || ctx.input.errorAt !== null) return diagnoseBrowserFailure(ctx);
  return dropped(ctx);
}
