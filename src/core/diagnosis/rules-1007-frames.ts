// 1007 received: the outgoing frames the hook flagged shortly before the
// close. A page cannot put invalid UTF-8 on the wire (send(string) turns lone
// surrogates into U+FFFD, WPT Send-unpaired-surrogates), so what a strict
// server rejects is text that was silently corrupted or binary squeezed into
// a string. The closer to the close and the more frames, the higher the score.
// @see WHATWG WebSockets Standard §send() (USVString), RFC 6455 §8.1

import type { FindingKind } from '../types';
import { recentSends, type RuleContext } from './context';
import { sentEvidence } from './evidence';
import { reasonMentions } from './reason-keywords';
import { BONUS, SCORE, clampScore } from './scores';
import type { Evidence, RankedCause, SentRecord } from './types';

/** Evidence lists name at most this many frames (the latest ones). */
const MAX_FRAMES = 5;
const RECENT_MS = 30_000;

interface FindingRule {
  kind: FindingKind;
  id: string;
  base: number;
  title: [en: string, ja: string];
  explanation: [en: string, ja: string];
}

const NO_INVALID_UTF8: [en: string, ja: string] = [
  ' A page cannot send invalid UTF-8, so the bytes were valid; what the server rejected is their content.',
  'ページが不正な UTF-8 を送ることはできないため、届いたバイト列自体は正しい UTF-8 です。サーバーが拒否したのはその中身です。',
];

const FINDING_RULES: readonly FindingRule[] = [
  {
    kind: 'lone-surrogate',
    id: '1007-lone-surrogate-sends',
    base: SCORE.LIKELY,
    title: ['Text with lone surrogates was sent shortly before the close', '閉じる直前に孤立サロゲートを含むテキストを送信しています'],
    explanation: [
      'send(string) replaces every unpaired surrogate with U+FFFD (bytes EF BF BD) before the frame leaves, so the server received replacement characters where the string held half of a surrogate pair. A strict server or schema validator rejects such text as invalid payload data. Cut strings on code-point boundaries (not in the middle of an emoji), or send binary data as an ArrayBuffer.',
      'send() に文字列を渡すと、対になっていないサロゲートはフレーム送信前に U+FFFD（バイト列 EF BF BD）に置き換えられます。サーバーには、サロゲートペアの片割れがあった位置に置換文字が届きます。厳格なサーバーやスキーマ検証はこれを不正なペイロードとして拒否します。文字列は絵文字の途中ではなくコードポイントの境界で切るか、バイナリデータは ArrayBuffer で送ってください。',
    ],
  },
  {
    kind: 'replacement-char',
    id: '1007-replacement-char-sends',
    base: SCORE.LIKELY - 0.05,
    title: ['Text containing U+FFFD was sent shortly before the close', '閉じる直前に U+FFFD を含むテキストを送信しています'],
    explanation: [
      'U+FFFD is what a decoder writes where it met bytes it could not decode, so this text was already damaged before send(): decoded with the wrong charset, binary data read as text, or a lone surrogate replaced earlier. Some servers reject replacement characters as invalid payload data. Fix the decoding step that produced them.',
      'U+FFFD はデコーダーが解釈できないバイトの代わりに書き込む文字です。つまりこのテキストは send() の前にすでに壊れていました（誤った文字コードでのデコード、バイナリデータのテキストとしての読み込み、以前の孤立サロゲートの置換など）。置換文字を不正なペイロードとして拒否するサーバーもあります。置換文字を生んだデコード処理を直してください。',
    ],
  },
  {
    kind: 'binary-like',
    id: '1007-binary-string-sends',
    base: SCORE.POSSIBLE + 0.05,
    title: ['Binary data was sent as a text frame shortly before the close', '閉じる直前にバイナリデータをテキストフレームとして送信しています'],
    explanation: [
      'send(string) always produces a UTF-8 text frame: each code unit 0x80–0xFF becomes two bytes, so the server receives different bytes than intended, and a server that decodes the payload rejects it with 1007. Send binary data as an ArrayBuffer or Uint8Array.',
      'send() に文字列を渡すと必ず UTF-8 のテキストフレームになり、0x80〜0xFF のコード単位はそれぞれ 2 バイトに変換されます。サーバーには意図と異なるバイト列が届き、ペイロードをデコードするサーバーは 1007 で拒否します。バイナリデータは ArrayBuffer か Uint8Array で送ってください。',
    ],
  },
  {
    kind: 'nul',
    id: '1007-nul-sends',
    base: SCORE.POSSIBLE,
    title: ['Text with NUL characters was sent shortly before the close', '閉じる直前に NUL 文字を含むテキストを送信しています'],
    explanation: [
      'U+0000 goes out as a 0x00 byte inside the text frame. Many servers, C libraries and JSON parsers reject text containing NUL or cut it there. Remove the NUL, or send the data as a binary frame.',
      'U+0000 はテキストフレームの中に 0x00 バイトとしてそのまま送られます。NUL を含むテキストを拒否したり、NUL の位置で切り捨てたりするサーバー・C ライブラリ・JSON パーサーは少なくありません。NUL を取り除くか、バイナリフレームで送ってください。',
    ],
  },
];

function countLone(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    else if (c >= 0xd800 && c <= 0xdfff) n++;
  }
  return n;
}

/** 'contains 2 lone surrogates (first at index 5)', counted in the recorded preview. */
function frameDetail(ctx: RuleContext, kind: FindingKind, r: SentRecord, index: number | null): string {
  const at = index === null ? '' : ctx.t(` (first at index ${index})`, `（最初の位置: ${index}）`);
  const counted =
    kind === 'lone-surrogate' ? countLone(r.preview) : kind === 'replacement-char' ? r.preview.split('\uFFFD').length - 1 : 0;
  // A truncated preview only gives a lower bound; an empty count reads "lone surrogates".
  const enCount = counted === 0 ? '' : `${r.truncated ? 'at least ' : ''}${counted} `;
  const jaCount = counted === 0 ? '' : `${r.truncated ? '少なくとも ' : ''}${counted} 個の`;
  const s = counted === 1 && !r.truncated ? '' : 's';
  switch (kind) {
    case 'lone-surrogate':
      return ctx.t(`contains ${enCount}lone surrogate${s}${at}`, `${jaCount}孤立サロゲートを含みます${at}`);
    case 'replacement-char':
      return ctx.t(`contains ${enCount}U+FFFD replacement character${s}${at}`, `${jaCount}置換文字 U+FFFD を含みます${at}`);
    case 'binary-like':
      return ctx.t(`looks like binary data in a string${at}`, `文字列に詰め込まれたバイナリデータのようです${at}`);
    default:
      return ctx.t(`contains NUL characters${at}`, `NUL 文字を含みます${at}`);
  }
}

/** Level + closeness (last flagged frame vs the close) + repetition + agreeing reason. */
function score(ctx: RuleContext, base: number, flagged: readonly SentRecord[]): number {
  const gap = ctx.close.time - flagged[flagged.length - 1]!.time;
  const closeness = Math.max(0, 1 - gap / RECENT_MS);
  const repetition = Math.min(flagged.length - 1, 4) / 4;
  const agrees = reasonMentions(ctx.close.reason, 'encoding') ? BONUS.REASON_AGREES : 0;
  return clampScore(base + BONUS.RECENT * closeness + BONUS.REPEATED * repetition + agrees);
}

export function flaggedFrameCauses(ctx: RuleContext): RankedCause[] {
  const recent = recentSends(ctx);
  const causes: RankedCause[] = [];
  for (const rule of FINDING_RULES) {
    // An 'info' NUL is a STOMP-style terminator: expected, not a suspect.
    const hit = (r: SentRecord) => r.findings.find((f) => f.kind === rule.kind && f.severity !== 'info');
    const flagged = recent.filter((r) => r.kind === 'text' && hit(r));
    if (flagged.length === 0) continue;
    const evidence: Evidence[] = flagged
      .slice(-MAX_FRAMES)
      .map((r) => sentEvidence(ctx, r, frameDetail(ctx, rule.kind, r, hit(r)!.index)));
    causes.push({
      id: rule.id,
      score: score(ctx, rule.base, flagged),
      title: ctx.t(...rule.title),
      explanation: ctx.t(...rule.explanation) + ctx.t(...NO_INVALID_UTF8),
      evidence,
    });
  }
  return causes;
}
