// 1006 after an error on an open socket that the page did not close: the
// browser failed the connection. Invalid UTF-8 in a text frame from the server
// is the first suspect; Chrome's own words in the HAR settle it.
// @see RFC 6455 §8.1 ("MUST _Fail the WebSocket Connection_" on invalid UTF-8), §7.1.7
// @see WHATWG WebSockets Standard, "feedback from the protocol" (error, then close 1006)

import type { RuleContext } from './context';
import { harEvidence, receivedEvidence, recordEvidence } from './evidence';
import { formatEvidenceTime } from './format';
import { SCORE } from './scores';
import type { Evidence, RankedCause } from './types';

const UTF8_ERROR = /Could not decode a text frame as UTF-8/i;

/** What the browser told the server when it failed the connection. */
function toldServer(ctx: RuleContext, what: 'utf8' | 'protocol'): string {
  const chrome = ctx.t(
    what === 'utf8'
      ? 'Chromium sent the server a Close frame 1002 "Invalid UTF-8 in text frame".'
      : 'Chromium sent the server a Close frame 1002 with the reason.',
    what === 'utf8'
      ? 'Chromium はサーバーにクローズフレーム 1002「Invalid UTF-8 in text frame」を送っています。'
      : 'Chromium はサーバーに理由付きのクローズフレーム 1002 を送っています。',
  );
  const firefox = ctx.t(
    'Firefox sends 1007 or just closes the TCP connection, so the server may log a drop without a Close frame.',
    'Firefox は 1007 を送るか TCP 接続を閉じるだけなので、サーバー側ではクローズフレームのない切断として記録される場合があります。',
  );
  if (ctx.browser === 'chrome') return chrome;
  if (ctx.browser === 'firefox') return firefox;
  return `${chrome}${ctx.t(' ', '')}${firefox}`;
}

function errorEvidence(ctx: RuleContext): Evidence[] {
  const e = ctx.errorRecord;
  if (!e) return [];
  return [recordEvidence(e, ctx.t(`error event (${formatEvidenceTime(e.time, ctx.close.time, ctx.locale)})`, `error イベント（${formatEvidenceTime(e.time, ctx.close.time, ctx.locale)}）`))];
}

function invalidUtf8(ctx: RuleContext, quote: string | undefined, others: readonly string[]): RankedCause {
  const errorTime = ctx.errorRecord?.time ?? ctx.close.time;
  const lastText = [...ctx.received].reverse().find((r) => r.kind === 'text' && r.time <= errorTime);
  const evidence: Evidence[] = [...(quote ? [harEvidence(ctx, quote)] : []), ...errorEvidence(ctx)];
  if (lastText) {
    evidence.push(
      receivedEvidence(
        ctx,
        lastText,
        ctx.t('the last text frame delivered before the failure; the invalid one is never delivered to the page', '失敗前に最後に届いたテキストフレーム（不正なフレームはページに届きません）'),
      ),
    );
  }
  return {
    id: '1006-invalid-utf8-received',
    score: quote ? SCORE.DIRECT : others.length > 0 ? SCORE.CANDIDATE : SCORE.LIKELY,
    title: ctx.t('The server sent a text frame that is not valid UTF-8', 'サーバーが不正な UTF-8 のテキストフレームを送りました'),
    explanation:
      ctx.t(
        'A browser that receives a text frame (or a close reason) that is not valid UTF-8 must fail the connection: the page gets an error event, then close 1006 with an empty reason, and the frame itself is never delivered. ',
        '不正な UTF-8 のテキストフレーム（またはクローズ理由）を受信したブラウザーは、接続を失敗させなければなりません。ページには error イベントに続いて理由が空の close 1006 が届き、そのフレーム自体は配信されません。',
      ) +
      toldServer(ctx, 'utf8') +
      ctx.t(
        ' Fix the server: encode text as UTF-8 (do not cut strings in the middle of a multi-byte character), and send binary data in binary frames.',
        'サーバー側を修正してください：テキストは UTF-8 でエンコードし（マルチバイト文字の途中で文字列を切らない）、バイナリデータはバイナリフレームで送ります。',
      ),
    evidence,
  };
}

function protocolFailure(ctx: RuleContext, others: readonly string[]): RankedCause {
  return {
    id: '1006-protocol-failure',
    score: others.length > 0 ? SCORE.DIRECT : SCORE.CANDIDATE,
    title: ctx.t('The server broke the WebSocket framing', 'サーバーが WebSocket のフレーミングに違反しました'),
    explanation:
      ctx.t(
        'The browser fails the connection when the server violates the protocol: a masked frame, reserved bits without a negotiated extension (a permessage-deflate mismatch), an unknown opcode, a fragmented or oversized control frame, or a malformed Close frame (invalid UTF-8 in its reason, or 1005/1006/1015 put on the wire). A proxy that rewrites frames causes the same. ',
        'サーバーがプロトコルに違反すると、ブラウザーは接続を失敗させます：マスクされたフレーム、拡張を合意していないのに立てられた予約ビット（permessage-deflate の不一致）、未知のオペコード、分割されたまたは大きすぎる制御フレーム、不正なクローズフレーム（理由が不正な UTF-8、あるいは 1005/1006/1015 を通信路に載せた）などです。フレームを書き換えるプロキシでも同じことが起きます。',
      ) + toldServer(ctx, 'protocol'),
    evidence: [...others.map((text) => harEvidence(ctx, text)), ...errorEvidence(ctx)],
  };
}

export function diagnoseBrowserFailure(ctx: RuleContext): RankedCause[] {
  const net = ctx.input.network;
  const errors = net && !('unavailable' in net) ? net.errors : [];
  const quote = errors.find((text) => UTF8_ERROR.test(text));
  const others = errors.filter((text) => !UTF8_ERROR.test(text));
  return [invalidUtf8(ctx, quote, others), protocolFailure(ctx, others)];
}
