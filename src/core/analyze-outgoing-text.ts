// What `WebSocket.send(string)` will really put on the wire, and what in the
// string looks wrong. Runs synchronously inside the page's send(): one pass,
// with long plain runs handed to native code (the regex engine, and for large
// pure-ASCII stretches TextEncoder.encodeInto into a fixed scratch buffer).

import type { Finding, TextFrameAnalysis } from './types';

/** Plain text that costs 1 byte and needs no attention: TAB, LF, CR, printable ASCII. */
const PLAIN_ASCII_RUN = /[\t\n\r\x20-\x7e]*/y;
/** Plain BMP text that costs 3 bytes: U+0800–U+FFFF minus surrogates and U+FFFD. */
const PLAIN_WIDE_RUN = /[\u0800-\ud7ff\ue000-\ufffc\ufffe\uffff]*/y;
/** Plain text of any width except 0x80–0xFF (kept for binary-string detection), surrogates and U+FFFD. */
const PLAIN_MIXED_RUN = /[\t\n\r\x20-\x7e\u0100-\ud7ff\ue000-\ufffc\ufffe\uffff]*/y;
/**
 * After this many plain code units in a row the scan hands the rest of the run
 * to the regex engine (native, several times faster than charCodeAt in JS);
 * shorter runs stay in JS, where a regex call would cost more than it saves.
 */
const RUN_HANDOFF = 24;
/** The same for plain text that keeps switching between 1-, 2- and 3-byte units. */
const MIXED_HANDOFF = 64;

/** Strings longer than this are scanned in chunks of CHUNK code units. */
const LARGE = 64 * 1024;
const CHUNK = 32 * 1024;
/** The head of a large string is always examined in full. */
const HEAD = 16 * 1024;
/** In a chunk verified as pure ASCII natively, only this many units are checked for control characters. */
const CONTROL_WINDOW = 128;
/** A natively verified ASCII chunk with more NULs than this is tallied in full instead. */
const NUL_LIMIT = 64;

/**
 * TextEncoder.encodeInto, captured at load (the hook loads before page scripts)
 * and writing into one fixed scratch buffer, so it measures without allocating:
 * a chunk is pure ASCII exactly when every unit is read and written 1:1.
 * Null where there is no TextEncoder.
 */
const native = (() => {
  if (typeof TextEncoder !== 'function' || typeof TextEncoder.prototype.encodeInto !== 'function') return null;
  const encoder = new TextEncoder();
  const encodeInto = TextEncoder.prototype.encodeInto;
  const apply = Reflect.apply;
  let scratch: Uint8Array | null = null;
  const encode = (s: string) => apply(encodeInto, encoder, [s, (scratch ??= new Uint8Array(CHUNK + 1))]) as TextEncoderEncodeIntoResult;
  return {
    isAscii(part: string): boolean {
      const { read, written } = encode(part);
      return read === part.length && written === part.length;
    },
    /** UTF-8 length of part[from, to), which holds no surrogates (so none is split). */
    utf8Length(part: string, from: number, to: number): number {
      let bytes = 0;
      while (from < to) {
        const { read, written } = encode(part.slice(from, to));
        bytes += written;
        from += read;
      }
      return bytes;
    },
  };
})();

/** Tallies of one pass over the string. Indices are UTF-16 indices; -1 = none. */
interface TextTally {
  /** UTF-8 bytes beyond one per code unit. */
  extraBytes: number;
  lone: number;
  firstLone: number;
  fffd: number;
  firstFffd: number;
  nul: number;
  firstNul: number;
  /** C0 other than TAB/LF/CR/NUL, DEL, C1: over `checked` units only. */
  control: number;
  firstControl: number;
  /** Code units examined for control characters (all, unless a large string was sampled). */
  checked: number;
  /** Code units 0x80–0xFF (what a "binary string" is made of). */
  high: number;
  firstHigh: number;
  c1: number;
  /** Runs of 0x80–0xFF units that form well-formed UTF-8 multi-byte sequences. */
  utf8Seqs: number;
  utf8SeqUnits: number;
  /** UTF-8-in-Latin-1 tracking: continuation units still expected, where the next must be, where the run began. */
  seqNeed: number;
  seqAt: number;
  seqStart: number;
}

/**
 * Whether any code unit is above 0xFF (then the string cannot be a byte string).
 * Derived, not counted: a unit 0x80–0xFF adds exactly 1 byte beyond the first,
 * every unit above 0xFF at least 1, so extra bytes exceed `high` exactly then.
 */
const hasWideUnits = (t: TextTally) => t.extraBytes > t.high;

/**
 * Every count is exact except `control` in large strings: there, chunks that
 * encodeInto proves pure ASCII (so no byte, surrogate, U+FFFD or 0x80–0xFF
 * count can change) get an exact NUL count (indexOf) and a control-character
 * sample of CONTROL_WINDOW units.
 */
function tallyText(text: string): TextTally {
  const n = text.length;
  const t: TextTally = {
    extraBytes: 0, lone: 0, firstLone: -1, fffd: 0, firstFffd: -1, nul: 0, firstNul: -1, control: 0, firstControl: -1,
    checked: 0, high: 0, firstHigh: -1, c1: 0, utf8Seqs: 0, utf8SeqUnits: 0, seqNeed: 0, seqAt: -1, seqStart: 0,
  };
  if (n <= LARGE || native === null) {
    tallySlice(text, 0, t);
    return t;
  }
  let lastChunkAscii = false;
  for (let a = 0; a < n; ) {
    let b = Math.min(n, a + CHUNK);
    // Never split a surrogate pair: each half would count as lone.
    if (b < n && (text.charCodeAt(b - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(b) & 0xfc00) === 0xdc00) b++;
    const part = text.slice(a, b); // a view of `text` in V8, not a copy
    // Probe only after an ASCII chunk (in non-ASCII text the probe is wasted work) and
    // only while no unit above 0xFF was seen: V8 then stores the string one byte per
    // unit, where encodeInto and indexOf run at memcpy/memchr speed (not so for two-byte).
    if (a >= HEAD && lastChunkAscii && !hasWideUnits(t) && native.isAscii(part) && tallyAsciiChunk(part, a, t)) {
      a = b;
      continue;
    }
    const before = t.extraBytes;
    tallySlice(part, a, t);
    lastChunkAscii = t.extraBytes === before;
    a = b;
  }
  return t;
}

/** A chunk known to be pure ASCII: exact NUL count, sampled control count. False (nothing counted) if NUL-heavy. */
function tallyAsciiChunk(part: string, offset: number, t: TextTally): boolean {
  let nul = 0;
  const first = part.indexOf('\0');
  for (let k = first; k !== -1; k = part.indexOf('\0', k + 1)) if (++nul > NUL_LIMIT) return false;
  if (nul > 0) {
    if (t.nul === 0) t.firstNul = offset + first;
    t.nul += nul;
  }
  const end = Math.min(part.length, CONTROL_WINDOW);
  for (let i = 0; i < end; i++) {
    const c = part.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0) || c === 0x7f) {
      if (t.control++ === 0) t.firstControl = offset + i;
    }
  }
  t.checked += end;
  return true;
}

/** The exact pass over `part`, which starts at `offset` in the whole string. */
function tallySlice(part: string, offset: number, t: TextTally): void {
  const n = part.length;
  t.checked += n;
  PLAIN_ASCII_RUN.lastIndex = 0;
  PLAIN_ASCII_RUN.test(part);
  let i = PLAIN_ASCII_RUN.lastIndex; // most frames are plain ASCII: done natively
  let asciiRun = 0;
  let wideRun = 0;
  let plainRun = 0; // plain units of any width in a row (text that keeps switching script)
  while (i < n) {
    const c = part.charCodeAt(i);
    if (c < 0x80 && (c >= 0x20 ? c !== 0x7f : c === 0x09 || c === 0x0a || c === 0x0d)) {
      wideRun = 0;
      plainRun++;
      if (++asciiRun === RUN_HANDOFF) {
        asciiRun = 0;
        PLAIN_ASCII_RUN.lastIndex = i + 1;
        PLAIN_ASCII_RUN.test(part);
        i = PLAIN_ASCII_RUN.lastIndex;
        continue;
      }
    } else if (c >= 0x800 && c !== 0xfffd && (c < 0xd800 || c > 0xdfff)) {
      t.extraBytes += 2;
      asciiRun = 0;
      plainRun++;
      if (++wideRun === RUN_HANDOFF) {
        wideRun = 0;
        PLAIN_WIDE_RUN.lastIndex = i + 1;
        PLAIN_WIDE_RUN.test(part);
        t.extraBytes += 2 * (PLAIN_WIDE_RUN.lastIndex - i - 1);
        i = PLAIN_WIDE_RUN.lastIndex;
        continue;
      }
    } else if (c >= 0x100 && c < 0x800) {
      t.extraBytes += 1;
      asciiRun = wideRun = 0;
      plainRun++;
    } else {
      asciiRun = wideRun = plainRun = 0;
      tallyUnusual(part, i, offset, c, t);
      // A surrogate pair is consumed whole.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n && (part.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    }
    i++;
    if (plainRun >= MIXED_HANDOFF && native !== null) {
      // Mixed-script plain text (JSON with Japanese values, Cyrillic words between spaces):
      // the regex finds where it ends, encodeInto counts its bytes into the fixed scratch.
      asciiRun = wideRun = plainRun = 0;
      PLAIN_MIXED_RUN.lastIndex = i;
      PLAIN_MIXED_RUN.test(part);
      const end = PLAIN_MIXED_RUN.lastIndex;
      t.extraBytes += native.utf8Length(part, i, end) - (end - i);
      i = end;
    }
  }
}

/** One code unit that is not plain text: controls, NUL, 0x80–0xFF, U+FFFD, surrogates. */
function tallyUnusual(part: string, i: number, offset: number, c: number, t: TextTally): void {
  const at = offset + i;
  if (c < 0x80) {
    if (c === 0) {
      if (t.nul++ === 0) t.firstNul = at;
    } else if (t.control++ === 0) t.firstControl = at;
  } else if (c < 0x100) {
    t.extraBytes += 1;
    if (t.high++ === 0) t.firstHigh = at;
    if (c < 0xa0) {
      t.c1++;
      if (t.control++ === 0) t.firstControl = at;
    }
    if (c >= 0xc2 && c <= 0xf4) {
      t.seqNeed = c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3;
      t.seqStart = at;
      t.seqAt = at + 1;
    } else if (c < 0xc0 && t.seqNeed > 0 && at === t.seqAt) {
      t.seqAt++;
      if (--t.seqNeed === 0) {
        t.utf8Seqs++;
        t.utf8SeqUnits += at - t.seqStart + 1;
      }
    } else t.seqNeed = 0;
  } else if (c === 0xfffd) {
    t.extraBytes += 2;
    if (t.fffd++ === 0) t.firstFffd = at;
  } else {
    // A surrogate. @see WebIDL §3.2.11 (USVString): a pair is one scalar value (4 bytes);
    // a lone surrogate becomes U+FFFD (3 bytes) when send() converts the string.
    t.extraBytes += 2;
    const paired = c <= 0xdbff && i + 1 < part.length && (part.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (!paired && t.lone++ === 0) t.firstLone = at;
  }
}

interface BinaryVerdict {
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

function magicNumber(text: string): string | null {
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
function classifyBinary(text: string, t: TextTally): BinaryVerdict {
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

const hex4 = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, '0')}`;

function buildFindings(text: string, t: TextTally, binary: BinaryVerdict): Finding[] {
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

/**
 * Analyse a string passed to `WebSocket.send()`. `utf8Bytes` is exactly what
 * `bufferedAmount` grows by; lone surrogates are found exactly (each costs 3
 * bytes as U+FFFD). `controlChars` counts C0 controls other than TAB, LF, CR
 * and NUL (NUL has its own count), plus DEL (0x7F) and C1 (0x80–0x9F).
 * Every count is exact, except that in strings over 64 Ki units the stretches
 * proven pure ASCII are only sampled for control characters; then
 * `controlCharsSample` says how many units were checked.
 *
 * @see WHATWG WebSockets §send() "increase bufferedAmount by the number of bytes needed to express the argument as UTF-8"
 * @see WHATWG Encoding Standard §4.2 UTF-8 encoder
 */
export function analyzeOutgoingText(text: string): TextFrameAnalysis {
  const t = tallyText(text);
  const binary = classifyBinary(text, t);
  const analysis: TextFrameAnalysis = {
    utf8Bytes: text.length + t.extraBytes,
    loneSurrogates: { count: t.lone, firstIndex: t.lone > 0 ? t.firstLone : null },
    replacementChars: t.fffd,
    controlChars: t.control,
    nul: t.nul,
    binaryLike: { verdict: binary.verdict, reason: binary.reason },
    findings: t.extraBytes === 0 && t.control === 0 && t.nul === 0 && !binary.verdict ? [] : buildFindings(text, t, binary),
  };
  if (t.checked < text.length) analysis.controlCharsSample = { checkedUnits: t.checked, totalUnits: text.length };
  return analysis;
}
