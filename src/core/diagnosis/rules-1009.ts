// 1009 (Message Too Big) the page received: the server refused a message over
// its size limit. The suspects are the largest frames the page sent recently;
// a limit named in the reason ('max 65536 bytes') settles which one.
// @see RFC 6455 §7.4.1 (1009), §10.4 (implementations limit frame and message size)

import { recentSends, type RuleContext } from './context';
import { closeEvidence, sentEvidence } from './evidence';
import { formatBytes } from './format';
import { reasonNumbers } from './reason-keywords';
import { SCORE } from './scores';
import type { RankedCause, SentRecord } from './types';

/** A frame stands out when it is this many times the median of the others, or at least STANDS_OUT_BYTES. */
const STANDS_OUT_FACTOR = 4;
const STANDS_OUT_BYTES = 64 * 1024;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const LIMITS_EN =
  'Servers cap message size: ws (Node) maxPayload defaults to 100 MiB, Socket.IO maxHttpBufferSize to 1 MB, Tomcat and other Jakarta WebSocket servers buffer 8 KiB of text by default. Split large payloads into chunks, compress them, upload them over HTTP, or raise the server limit.';
const LIMITS_JA =
  'サーバーはメッセージサイズに上限を設けています。ws（Node）の maxPayload の既定値は 100 MiB、Socket.IO の maxHttpBufferSize は 1 MB、Tomcat など Jakarta WebSocket のサーバーはテキストのバッファーが既定で 8 KiB です。大きなペイロードは分割する、圧縮する、HTTP でアップロードする、またはサーバーの上限を引き上げてください。';

export function diagnose1009(ctx: RuleContext): RankedCause[] {
  const recent = recentSends(ctx);
  if (recent.length === 0) {
    return [
      {
        id: '1009-no-frames-recorded',
        score: SCORE.FALLBACK,
        title: ctx.t('A message over the server limit (not in the timeline)', 'サーバーの上限を超えたメッセージ（タイムラインにはありません）'),
        explanation: ctx.t(
          `The server refused a message as too big, but the timeline holds no frame the page sent shortly before the close (it may have been shed from the buffer). ${LIMITS_EN}`,
          `サーバーはメッセージが大きすぎるとして拒否しましたが、閉じる直前にページが送ったフレームはタイムラインにありません（バッファーから除かれた可能性があります）。${LIMITS_JA}`,
        ),
        evidence: [closeEvidence(ctx)],
      },
    ];
  }
  const largest = [...recent].sort((a, b) => b.size - a.size || b.seq - a.seq).slice(0, 3);
  const top = largest[0]!;
  const limit = reasonNumbers(ctx.close.reason)
    .filter((n) => n < top.size)
    .sort((a, b) => b - a)[0];
  const others = recent.filter((r) => r.seq !== top.seq).map((r) => r.size);
  const standsOut = top.size >= STANDS_OUT_BYTES || (others.length > 0 && top.size >= STANDS_OUT_FACTOR * Math.max(1, median(others)));
  const size = formatBytes(top.size, ctx.locale);
  const label = (r: SentRecord) =>
    limit !== undefined && r.size > limit
      ? ctx.t(`over the ${limit}-byte limit named in the reason`, `理由に示された ${limit} バイトの上限を超えています`)
      : r === top
        ? ctx.t('the largest frame sent recently', '最近送った中で最大のフレーム')
        : ctx.t('one of the largest recent frames', '最近送った中で大きいフレームの一つ');
  return [
    {
      id: '1009-large-sends',
      score: limit !== undefined ? SCORE.DIRECT : standsOut ? SCORE.STRONG : SCORE.LIKELY,
      title: ctx.t(`The largest recent frame was ${size}`, `最近送った最大のフレームは ${size}でした`),
      explanation:
        (limit !== undefined
          ? ctx.t(
              `The server names a limit of ${limit} bytes, and the page sent ${size} (${top.size} bytes). `,
              `サーバーは ${limit} バイトの上限を示しており、ページは ${size}（${top.size} バイト）を送っています。`,
            )
          : ctx.t(
              `The server refused a message as too big; the largest frame the page sent shortly before was ${size}. `,
              `サーバーはメッセージが大きすぎるとして拒否しました。直前にページが送った最大のフレームは ${size}です。`,
            )) + ctx.t(LIMITS_EN, LIMITS_JA),
      evidence: [...largest.map((r) => sentEvidence(ctx, r, label(r))), ...(ctx.close.reason ? [closeEvidence(ctx)] : [])],
    },
  ];
}
