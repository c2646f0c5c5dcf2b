// The findings (en/ja) that analyzeOutgoingText reports for one string.

import type { BinaryVerdict } from './binary-verdict';
import type { TextTally } from './text-tally';
import type { Finding } from './types';

const hex4 = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

export function buildFindings(text: string, t: TextTally, binary: BinaryVerdict): Finding[] {
  const findings: Finding[] = [];
  if (t.lone > 0) {
    const unit = hex4(text.charCodeAt(t.firstLone));
    findings.push({
      kind: 'lone-surrogate',
      severity: 'error',
      index: t.firstLone,
      message: {
        en: `${t.lone} unpaired surrogate code unit(s) (first at index ${t.firstLone}, ${unit}). The browser silently replaces each with U+FFFD (\uFFFD) before sending, so the server receives different text. Usually a string was cut in the middle of an emoji or another character outside the BMP (slice, substring, truncation by length).`,
        ja: `対になっていないサロゲートが ${t.lone} 個あります（最初の位置: ${t.firstLone}、${unit}）。ブラウザーは送信前にこれを黙って U+FFFD（\uFFFD）に置き換えるため、サーバーには別のテキストが届きます。絵文字など BMP 外の文字の途中で文字列を切った（slice・substring・長さでの切り詰め）ことが原因である場合がほとんどです。`,
      },
    });
  }
  if (binary.verdict) {
    findings.push({
      kind: 'binary-like',
      severity: 'warning',
      index: binary.index,
      message: {
        en: `This text looks like binary data stored in a string: ${binary.reason}. send(string) always sends a UTF-8 text frame: each code unit 0x80–0xFF becomes two bytes, so the server does not receive the bytes you meant, and a text-only server may reject the frame. Send binary data as an ArrayBuffer or Uint8Array.`,
        ja: `このテキストは文字列に詰め込まれたバイナリデータのようです。${binary.reasonJa}。send() に文字列を渡すと必ず UTF-8 のテキストフレームになり、0x80〜0xFF のコード単位はそれぞれ 2 バイトに変換されるため、サーバーには意図したバイト列が届かず、テキストとして扱えないフレームは拒否されることもあります。バイナリデータは ArrayBuffer か Uint8Array で送ってください。`,
      },
    });
  }
  const terminatorOnly = t.nul === 1 && t.firstNul === text.length - 1;
  // A trailing NUL after binary data is just another byte of it.
  if (t.nul > 0 && !(terminatorOnly && binary.verdict)) {
    findings.push(
      terminatorOnly
        ? {
            kind: 'nul',
            severity: 'info',
            index: t.firstNul,
            message: {
              en: 'The text ends with a NUL (U+0000) terminator, as STOMP frames do. That is expected with STOMP; otherwise find where the NUL comes from.',
              ja: 'テキストの末尾が NUL（U+0000）で終わっています。STOMP のフレームはこの形なので、STOMP を使っているなら問題ありません。そうでなければ NUL がどこで入ったかを確認してください。',
            },
          }
        : {
            kind: 'nul',
            severity: 'warning',
            index: t.firstNul,
            message: {
              en: `${t.nul} NUL character(s) (U+0000), first at index ${t.firstNul}. They go out as 0x00 bytes inside a text frame; many servers, C libraries and JSON parsers reject or cut text at a NUL.`,
              ja: `NUL 文字（U+0000）が ${t.nul} 個あります（最初の位置: ${t.firstNul}）。テキストフレームの中に 0x00 バイトとしてそのまま送られます。NUL を含むテキストを拒否したり、NUL の位置で切り捨てたりするサーバー・C ライブラリ・JSON パーサーは少なくありません。`,
            },
          },
    );
  }
  if (t.fffd > 0) {
    findings.push({
      kind: 'replacement-char',
      severity: 'warning',
      index: t.firstFffd,
      message: {
        en: `${t.fffd} U+FFFD replacement character(s) (\uFFFD), first at index ${t.firstFffd}. A decoder writes U+FFFD where it met bytes it could not decode, so this text was probably damaged before send(): decoded with the wrong charset, binary data read as text, or a lone surrogate sent earlier.`,
        ja: `置換文字 U+FFFD（\uFFFD）が ${t.fffd} 個あります（最初の位置: ${t.firstFffd}）。U+FFFD はデコーダーが解釈できないバイトの代わりに書き込む文字です。誤った文字コードでのデコード、バイナリデータのテキストとしての読み込み、以前に送った孤立サロゲートなどにより、send() の前にテキストがすでに壊れていた可能性があります。`,
      },
    });
  }
  // Inside binary-like data, control characters are part of the bytes: no separate finding.
  if (t.control > 0 && !binary.verdict) {
    const unit = hex4(text.charCodeAt(t.firstControl));
    const sampled = t.checked < text.length;
    findings.push({
      kind: 'control-char',
      // C1 in a JS string nearly always means bytes decoded with the wrong charset.
      severity: t.c1 > 0 ? 'warning' : 'info',
      index: t.firstControl,
      message: {
        en: `${sampled ? 'At least ' : ''}${t.control} control character(s) (first at index ${t.firstControl}, ${unit})${sampled ? `; in this large text only ${t.checked} of ${text.length} code units were checked for them` : ''}. C0 controls other than tab, line feed and carriage return, DEL and C1 controls (U+0080–U+009F) are rarely meant in text, and some servers reject them.${t.c1 > 0 ? ' C1 controls usually come from bytes decoded with the wrong charset (e.g. windows-1252 read as Latin-1).' : ''}`,
        ja: `制御文字が ${t.control} 個${sampled ? '以上' : ''}あります（最初の位置: ${t.firstControl}、${unit}）。${sampled ? `大きなテキストのため、制御文字を調べたのは ${text.length} コード単位のうち ${t.checked} だけです。` : ''}タブ・改行（LF）・復帰（CR）以外の C0 制御文字、DEL、C1 制御文字（U+0080〜U+009F）は、テキストでは意図しないものであることが多く、拒否するサーバーもあります。${t.c1 > 0 ? 'C1 制御文字は、誤った文字コードでデコードされたバイト（windows-1252 を Latin-1 として読んだ場合など）に由来することがほとんどです。' : ''}`,
      },
    });
  }
  return findings;
}
