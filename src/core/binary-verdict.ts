// Does a string look like binary data squeezed into text? Strong signals only:
// a file signature at the start, NUL bytes, C1 controls or UTF-8 byte runs in a
// string made only of code units up to 0xFF. Accented text is not binary.

import { hasWideUnits, type TextTally } from './text-tally';

export interface BinaryVerdict {
  verdict: boolean;
  /** English; names the rule that fired. */
  reason: string;
  reasonJa: string;
  index: number | null;
}

/** Signatures of binary formats, matched at index 0 against the code units (one byte each). */
const MAGIC: ReadonlyArray<[name: string, prefix: string]> = [
  ['PNG', '\x89PNG\r\n\x1a\n'],
  ['JPEG', '\xff\xd8\xff'],
  ['gzip', '\x1f\x8b'],
  ['ZIP', 'PK\x03\x04'],
  ['Zstandard', '\x28\xb5\x2f\xfd'],
  ['7-Zip', '7z\xbc\xaf\x27\x1c'],
  ['WebAssembly', '\0asm'],
  ['ELF', '\x7fELF'],
];

/** First code units of every signature (MAGIC, GIF, RIFF): most texts are ruled out by one comparison. */
const MAGIC_LEADS = MAGIC.map(([, prefix]) => prefix.charCodeAt(0)).concat(0x47, 0x52);

/** The binary format whose signature `text` starts with, or null. */
export function magicNumber(text: string): string | null {
  if (!MAGIC_LEADS.includes(text.charCodeAt(0))) return null;
  for (const [name, prefix] of MAGIC) if (text.startsWith(prefix)) return name;
  // GIF and RIFF signatures are printable; require the binary header bytes that follow.
  if (/^GIF8[79]a[\s\S]{0,6}[\0-\x08\x0e-\x1f\x80-\xff]/.test(text.slice(0, 13))) return 'GIF';
  if (text.startsWith('RIFF') && /^(?:WEBP|WAVE|AVI )$/.test(text.slice(8, 12))) return `RIFF/${text.slice(8, 12).trim()}`;
  return null;
}

/**
 * "Binary string" detection: bytes squeezed into a string one per code unit
 * (String.fromCharCode(...bytes), FileReader.readAsBinaryString, atob). Accented
 * Latin-1 text also uses 0x80–0xFF, so each rule needs a signal real text lacks.
 */
export function classifyBinary(text: string, t: TextTally): BinaryVerdict {
  const wide = hasWideUnits(t);
  const magic = magicNumber(text);
  if (magic !== null) {
    return { verdict: true, reason: `the text starts with the ${magic} file signature`, reasonJa: `${magic} ファイルのシグネチャで始まっています`, index: 0 };
  }
  // A single trailing NUL is a frame terminator (STOMP), not binary data.
  const terminatorOnly = t.nul === 1 && t.firstNul === text.length - 1;
  if (t.nul > 0 && !terminatorOnly) {
    return { verdict: true, reason: `the text contains ${t.nul} NUL (U+0000) code unit(s) before its end`, reasonJa: `末尾以外に NUL（U+0000）が ${t.nul} 個含まれています`, index: t.firstNul };
  }
  if (!wide && t.utf8Seqs >= 2 && t.utf8SeqUnits * 10 >= t.high * 9) {
    return {
      verdict: true,
      reason: `its 0x80–0xFF code units form ${t.utf8Seqs} well-formed UTF-8 byte sequences, i.e. UTF-8 bytes stored one per code unit, which the server receives double-encoded`,
      reasonJa: `0x80〜0xFF のコード単位が ${t.utf8Seqs} 個の正しい UTF-8 バイト列になっています。UTF-8 のバイトを 1 バイトずつコード単位にした文字列と考えられ、サーバーには二重にエンコードされて届きます`,
      index: t.firstHigh,
    };
  }
  if (!wide && t.c1 > 0 && t.high >= 2) {
    return {
      verdict: true,
      reason: `${t.high} of ${text.length} code units are 0x80–0xFF and ${t.c1} of them are C1 controls (U+0080–U+009F), which real text does not contain`,
      reasonJa: `${text.length} 個中 ${t.high} 個のコード単位が 0x80〜0xFF で、そのうち ${t.c1} 個は通常のテキストには現れない C1 制御文字（U+0080〜U+009F）です`,
      index: t.firstHigh,
    };
  }
  if (!wide && text.length >= 16 && t.high * 4 >= text.length && t.control - t.c1 > 0) {
    return {
      verdict: true,
      reason: `${t.high} of ${text.length} code units are 0x80–0xFF, mixed with C0 control characters`,
      reasonJa: `${text.length} 個中 ${t.high} 個のコード単位が 0x80〜0xFF で、C0 制御文字も混ざっています`,
      index: t.firstHigh,
    };
  }
  return NOT_BINARY;
}

const NOT_BINARY: BinaryVerdict = Object.freeze({
  verdict: false,
  reason: 'no binary signal (no file signature, no NUL, no C1 controls or UTF-8 bytes in a Latin-1-only string)',
  reasonJa: '',
  index: null,
});
