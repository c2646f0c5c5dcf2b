// One pass over a string about to be sent: its exact UTF-8 byte count, lone
// surrogates, U+FFFD, NUL, control characters and the code units 0x80–0xFF
// that make up a "binary string". Long plain runs go to native code (the regex
// engine, TextEncoder.encodeInto into a fixed scratch buffer).

import { firstNonAscii, SEARCH_PROVES_ASCII } from './ascii-scan';

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
export interface TextTally {
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
export const hasWideUnits = (t: TextTally) => t.extraBytes > t.high;

/** How large strings are proven pure ASCII, chunk by chunk (see ascii-scan.ts). */
export type AsciiProof = 'search' | 'encode';
const DEFAULT_PROOF: AsciiProof = SEARCH_PROVES_ASCII ? 'search' : 'encode';

/**
 * Every count is exact except `control` in large strings: there, chunks
 * proven pure ASCII natively (so no byte, surrogate, U+FFFD or 0x80–0xFF
 * count can change) get an exact NUL count (indexOf) and a control-character
 * sample of CONTROL_WINDOW units. `proof` is the engine's fastest way; tests
 * pass both.
 */
export function tallyText(text: string, proof: AsciiProof = DEFAULT_PROOF): TextTally {
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
  /** With the search: the first non-ASCII unit at or after the last search (n: none). */
  let nonAscii = -1;
  const isAscii = (part: string, a: number, b: number): boolean => {
    if (proof === 'encode') return native.isAscii(part);
    if (nonAscii < a) nonAscii = firstNonAscii(text, a);
    return nonAscii >= b;
  };
  for (let a = 0; a < n; ) {
    let b = Math.min(n, a + CHUNK);
    // Never split a surrogate pair: each half would count as lone.
    if (b < n && (text.charCodeAt(b - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(b) & 0xfc00) === 0xdc00) b++;
    const part = text.slice(a, b); // a view of `text` in V8, not a copy
    // Probe only after an ASCII chunk (in non-ASCII text the probe is wasted work) and
    // only while no unit above 0xFF was seen: V8 then stores the string one byte per
    // unit, where encodeInto and indexOf run at memcpy/memchr speed (not so for two-byte).
    if (a >= HEAD && lastChunkAscii && !hasWideUnits(t) && isAscii(part, a, b) && tallyAsciiChunk(part, a, t)) {
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
