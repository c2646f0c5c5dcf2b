// 1007 (Invalid frame payload data) the page received: the server, or a proxy,
// judged something the page sent. Browsers never send 1007 to their own page
// (a browser that receives bad UTF-8 fails the connection: the page sees 1006).
// @see RFC 6455 §7.4.1 (1007), §8.1 (text frames carry UTF-8)

import { recentSends, type RuleContext } from './context';
import { closeEvidence, sentEvidence } from './evidence';
import { reasonTopics } from './reason-keywords';
import { flaggedFrameCauses } from './rules-1007-frames';
import { BONUS, SCORE, clampScore } from './scores';
import type { RankedCause, SentRecord } from './types';

const isBinary = (r: SentRecord) => r.kind !== 'text';
const lastTexts = (ctx: RuleContext) => recentSends(ctx).filter((r) => r.kind === 'text').slice(-3);

/**
 * A text frame after the connection had been sending binary frames: a protocol
 * that speaks binary (protobuf, msgpack) gets a string by mistake.
 */
function textAfterBinary(ctx: RuleContext): RankedCause[] {
  const recent = new Set(recentSends(ctx).map((r) => r.seq));
  const sends = ctx.sends;
  for (let i = sends.length - 1; i > 0; i--) {
    const text = sends[i]!;
    if (!recent.has(text.seq) || isBinary(text)) continue;
    const earlier = sends.slice(0, i);
    const binary = earlier.filter(isBinary);
    if (!isBinary(earlier[earlier.length - 1]!) || binary.length * 2 < earlier.length) continue;
    const lastBinary = binary[binary.length - 1]!;
    const closeness = Math.max(0, 1 - (ctx.close.time - text.time) / 30_000);
    return [
      {
        id: '1007-text-after-binary',
        score: clampScore(SCORE.POSSIBLE + BONUS.RECENT * closeness),
        title: ctx.t('A text frame followed binary frames', 'バイナリフレームの後にテキストフレームを送信しています'),
        explanation: ctx.t(
          `${binary.length} of the ${earlier.length} frames sent before were binary, then the page sent a text frame. If the protocol expects binary messages (protobuf, msgpack, CBOR), the data probably reached send() as a string (a decoded buffer, String(buffer), JSON by mistake), and the server's decoder rejected it. Pass an ArrayBuffer or Uint8Array.`,
          `それまでに送った ${earlier.length} フレームのうち ${binary.length} フレームがバイナリで、その後ページはテキストフレームを送っています。プロトコルがバイナリメッセージ（protobuf、msgpack、CBOR など）を前提としている場合、データが文字列として send() に渡され（デコード済みのバッファー、String(buffer)、誤って JSON にしたものなど）、サーバーのデコーダーが拒否した可能性があります。ArrayBuffer か Uint8Array を渡してください。`,
        ),
        evidence: [
          sentEvidence(ctx, lastBinary, ctx.t('the last binary frame before the switch', '切り替え前の最後のバイナリフレーム')),
          sentEvidence(ctx, text, ctx.t('text, after binary frames', 'バイナリフレームの後のテキスト')),
        ],
      },
    ];
  }
  return [];
}

function reasonSays(ctx: RuleContext): RankedCause[] {
  const [topic] = reasonTopics(ctx.close.reason, ['encoding', 'malformed']);
  if (!topic) return [];
  const encoding = topic === 'encoding';
  return [
    {
      id: '1007-reason-says',
      score: SCORE.SERVER_SAYS,
      title: encoding
        ? ctx.t('The server says the text encoding was wrong', 'サーバーはテキストのエンコーディングが不正だと伝えています')
        : ctx.t('The server says the payload was malformed', 'サーバーはペイロードの形式が不正だと伝えています'),
      explanation: encoding
        ? ctx.t(
            'The close reason names the encoding. Since the page cannot send invalid UTF-8, look for text that changed on the way out: lone surrogates turned into U+FFFD, replacement characters already in the string, or binary data sent as a string.',
            'クローズ理由がエンコーディングに触れています。ページは不正な UTF-8 を送れないため、送信時に変化したテキストを探してください（U+FFFD に置き換えられた孤立サロゲート、元から文字列に含まれていた置換文字、文字列として送ったバイナリデータなど）。',
          )
        : ctx.t(
            "The close reason says the server could not accept the content: it failed to parse or validate a message (invalid JSON, a schema mismatch). Compare the last frames the page sent with the server's expected format.",
            'クローズ理由から、サーバーがメッセージの内容を受け付けられなかった（不正な JSON、スキーマの不一致など、解析や検証に失敗した）ことがわかります。ページが最後に送ったフレームを、サーバーが期待する形式と比べてください。',
          ),
      // For a content complaint, the last text frames are what to compare.
      evidence: [closeEvidence(ctx), ...(encoding ? [] : lastTexts(ctx).map((r) => sentEvidence(ctx, r)))],
    },
  ];
}

/** Nothing in the timeline points anywhere: the server rejected the content itself. */
function malformedPayload(ctx: RuleContext): RankedCause {
  const texts = lastTexts(ctx);
  return {
    id: '1007-malformed-payload',
    score: SCORE.FALLBACK,
    title: ctx.t(
      'The server judged a message malformed (e.g. invalid JSON or schema)',
      'サーバーがメッセージを不正と判断しました（不正な JSON やスキーマ違反など）',
    ),
    explanation: ctx.t(
      "No frame the page sent was flagged, and the page cannot send invalid UTF-8, so the server most likely rejected what the text says: JSON it could not parse, a message that failed schema validation, or a value outside what it accepts. The server's logs name the message.",
      'ページが送ったフレームに警告はなく、ページが不正な UTF-8 を送ることもできないため、サーバーはテキストの内容を拒否した可能性が高いです（解析できない JSON、スキーマ検証に通らないメッセージ、受け付けない値など）。どのメッセージかはサーバーのログでわかります。',
    ),
    evidence: texts.length > 0 ? texts.map((r) => sentEvidence(ctx, r)) : [closeEvidence(ctx)],
  };
}

export function diagnose1007(ctx: RuleContext): RankedCause[] {
  const causes = [...flaggedFrameCauses(ctx), ...textAfterBinary(ctx), ...reasonSays(ctx)];
  return causes.length > 0 ? causes : [malformedPayload(ctx)];
}
