// UTF-8 validation, lossy decoding and byte counting, exactly as the Encoding
// Standard's UTF-8 decoder and encoder behave. Pure: runs in the page hook,
// the panel and Node unit tests alike.

import type { Utf8Verdict } from './types';

const VALID: Utf8Verdict = Object.freeze({ valid: true }) as Utf8Verdict;

/** Below this many bytes the word-at-a-time ASCII skip costs more than it saves. */
const WORD_SCAN_MIN = 64;

/**
 * The verdict of a fatal UTF-8 decoder (`new TextDecoder('utf-8', { fatal: true })`).
 *
 * `errorOffset` is the index of the byte at which the decoder first knows the
 * input is invalid: the offending byte itself (`C3 28` → 1, `ED A0 80` → 1,
 * `FF` → 0, `E0 80` → 1, `F4 90` → 1), or `bytes.length` when the input ends
 * inside an incomplete sequence. One pass, no allocation proportional to the
 * input; ASCII is skipped four bytes at a time.
 *
 * @see WHATWG Encoding Standard §4.1 "UTF-8 decoder" (lower/upper boundary rules)
 */
export function validateUtf8(bytes: Uint8Array): Utf8Verdict {
  const n = bytes.length;
  const words = n >= WORD_SCAN_MIN ? wordView(bytes) : null;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i = words === null ? i + 1 : skipAscii(bytes, words, i + 1, n);
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0; // overlong 3-byte forms
      else if (b === 0xed) upper = 0x9f; // UTF-16 surrogates D800–DFFF
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90; // overlong 4-byte forms
      else if (b === 0xf4) upper = 0x8f; // above U+10FFFF
    } else {
      // 80–C1 (stray continuation, overlong 2-byte lead), F5–FF (no such lead).
      return { valid: false, errorOffset: i };
    }
    // Only the first continuation byte has special bounds; the rest are 80–BF.
    const c1 = i + 1 < n ? bytes[i + 1]! : -1;
    if (c1 < lower || c1 > upper) return { valid: false, errorOffset: Math.min(i + 1, n) };
    if (need === 1) {
      i += 2;
      continue;
    }
    const c2 = i + 2 < n ? bytes[i + 2]! : -1;
    if ((c2 & 0xc0) !== 0x80) return { valid: false, errorOffset: Math.min(i + 2, n) };
    if (need === 2) {
      i += 3;
      continue;
    }
    const c3 = i + 3 < n ? bytes[i + 3]! : -1;
    if ((c3 & 0xc0) !== 0x80) return { valid: false, errorOffset: Math.min(i + 3, n) };
    i += 4;
  }
  return VALID;
}

/** A Uint32Array over the 4-byte-aligned middle of `bytes` (endianness is irrelevant to a 0x80 mask). */
interface WordView {
  words: Uint32Array;
  /** Byte index (in `bytes`) of words[0]. */
  start: number;
}

function wordView(bytes: Uint8Array): WordView | null {
  const misalign = bytes.byteOffset & 3;
  const start = misalign === 0 ? 0 : 4 - misalign;
  const count = (bytes.length - start) >>> 2;
  if (count === 0) return null;
  return { words: new Uint32Array(bytes.buffer, bytes.byteOffset + start, count), start };
}

/** First index ≥ i whose byte is ≥ 0x80, or n. */
function skipAscii(bytes: Uint8Array, view: WordView, i: number, n: number): number {
  // Bytewise up to the next word boundary.
  while (i < n && ((i - view.start) & 3) !== 0) {
    if (bytes[i]! >= 0x80) return i;
    i++;
  }
  if (i >= n) return n;
  const words = view.words;
  const wn = words.length;
  let w = (i - view.start) >>> 2;
  while (w < wn && (words[w]! & 0x80808080) === 0) w++;
  i = view.start + w * 4;
  while (i < n && bytes[i]! < 0x80) i++;
  return i;
}

const REPLACEMENT = 0xfffd;
const DECODE_CHUNK = 4096;

/**
 * UTF-8 decode with replacement, as `new TextDecoder('utf-8').decode(bytes)`
 * (and as CloseEvent.reason, "UTF-8 decode without BOM": a BOM is kept).
 * Each maximal invalid subpart becomes one U+FFFD.
 *
 * @see WHATWG Encoding Standard §4.1 "UTF-8 decoder", error mode "replacement"
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const n = bytes.length;
  const units: number[] = [];
  let out = '';
  let need = 0;
  let cp = 0;
  let lower = 0x80;
  let upper = 0xbf;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (need === 0) {
      if (b < 0x80) units.push(b);
      else if (b >= 0xc2 && b <= 0xdf) (need = 1), (cp = b & 0x1f);
      else if (b >= 0xe0 && b <= 0xef) {
        need = 2;
        cp = b & 0x0f;
        if (b === 0xe0) lower = 0xa0;
        else if (b === 0xed) upper = 0x9f;
      } else if (b >= 0xf0 && b <= 0xf4) {
        need = 3;
        cp = b & 0x07;
        if (b === 0xf0) lower = 0x90;
        else if (b === 0xf4) upper = 0x8f;
      } else units.push(REPLACEMENT);
    } else if (b < lower || b > upper) {
      // The sequence so far is one error; the byte is processed again.
      need = 0;
      lower = 0x80;
      upper = 0xbf;
      units.push(REPLACEMENT);
      i--;
    } else {
      lower = 0x80;
      upper = 0xbf;
      cp = (cp << 6) | (b & 0x3f);
      if (--need === 0) {
        if (cp > 0xffff) units.push(0xd7c0 + (cp >> 10), 0xdc00 | (cp & 0x3ff));
        else units.push(cp);
      }
    }
    if (units.length >= DECODE_CHUNK) {
      out += String.fromCharCode.apply(null, units);
      units.length = 0;
    }
  }
  if (need !== 0) units.push(REPLACEMENT);
  return out + String.fromCharCode.apply(null, units);
}

/** Runs of 1-byte and of 3-byte (non-surrogate BMP) code units, skipped natively. */
const ASCII_RUN = /[\0-\x7f]*/y;
const WIDE_RUN = /[\u0800-\ud7ff\ue000-\uffff]*/y;
/** Run length after which the regex engine (native) beats charCodeAt in JS. */
const RUN_HANDOFF = 24;

/**
 * Exact number of bytes `new TextEncoder().encode(text)` produces: the
 * encoder first converts the string to scalar values, so a lone surrogate
 * becomes U+FFFD (3 bytes) and a surrogate pair 4 bytes.
 *
 * @see WHATWG Encoding Standard §4.2 "UTF-8 encoder"; WebIDL §3.2.11 USVString
 */
export function utf8ByteLength(text: string): number {
  const n = text.length;
  ASCII_RUN.lastIndex = 0;
  ASCII_RUN.test(text);
  let i = ASCII_RUN.lastIndex;
  let bytes = n;
  let asciiRun = 0;
  let wideRun = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      wideRun = 0;
      if (++asciiRun === RUN_HANDOFF) {
        asciiRun = 0;
        ASCII_RUN.lastIndex = i + 1;
        ASCII_RUN.test(text);
        i = ASCII_RUN.lastIndex;
        continue;
      }
    } else if (c < 0x800) {
      bytes += 1;
      asciiRun = wideRun = 0;
    } else if (c < 0xd800 || c > 0xdfff) {
      bytes += 2;
      asciiRun = 0;
      if (++wideRun === RUN_HANDOFF) {
        wideRun = 0;
        WIDE_RUN.lastIndex = i + 1;
        WIDE_RUN.test(text);
        bytes += 2 * (WIDE_RUN.lastIndex - i - 1);
        i = WIDE_RUN.lastIndex;
        continue;
      }
    } else {
      // A pair is 2 units → 4 bytes; a lone surrogate is 1 unit → U+FFFD, 3 bytes.
      bytes += 2;
      asciiRun = wideRun = 0;
      if (c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
    }
    i++;
  }
  return bytes;
}
