// Runs in the page's MAIN world. Turns a payload into a bounded preview: the
// first characters of text, or the first bytes of binary data as hex.
// String methods come from the captured primordials (see primordials.ts).

import type { Primordials } from './primordials';

export interface Preview {
  preview: string;
  truncated: boolean;
}

export function textPreview(text: string, maxChars: number, p: Primordials): Preview {
  if (text.length <= maxChars) return { preview: text, truncated: false };
  let end = maxChars;
  // Do not cut a surrogate pair in half: the preview would show a false lone surrogate.
  const last = p.charCodeAt(text, end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return { preview: p.stringSlice(text, 0, end), truncated: true };
}

// Built and captured at load, before any page script runs: ASCII codes of
// every byte's two hex digits, and a native decoder to turn them into a string
// in one call (far cheaper than concatenating hundreds of pieces per frame).
const HEX_CODES = new Uint8Array(512);
for (let i = 0; i < 256; i++) {
  const digits = i.toString(16).padStart(2, '0');
  HEX_CODES[2 * i] = digits.charCodeAt(0);
  HEX_CODES[2 * i + 1] = digits.charCodeAt(1);
}
const reflectApply = Reflect.apply;
const Bytes = Uint8Array;
const decoder = typeof TextDecoder === 'function' ? new TextDecoder() : null;
const decode = decoder ? TextDecoder.prototype.decode : null;
const fromCharCode = String.fromCharCode;
/**
 * Uint8Array.prototype.toHex (Chromium 140+, Firefox 133+): native, about ten
 * times faster than the table below on 512 bytes. It reads only the array's
 * own bytes, nothing a page can replace.
 */
const toHex = (Bytes.prototype as Uint8Array & { toHex?: () => string }).toHex;

/**
 * Hex of the first `maxChars / 2` bytes (two characters per byte) of `head`,
 * which holds `headLength` bytes (passed in: `length` is a page-replaceable getter).
 */
export function bytesPreview(head: Uint8Array, headLength: number, totalSize: number, maxChars: number): Preview {
  const half = maxChars >> 1;
  const count = headLength < half ? headLength : half;
  if (typeof toHex === 'function' && count === headLength) {
    return { preview: reflectApply(toHex, head, []) as string, truncated: count < totalSize };
  }
  const out = new Bytes(2 * count);
  for (let i = 0; i < count; i++) {
    const at = 2 * head[i]!;
    out[2 * i] = HEX_CODES[at]!;
    out[2 * i + 1] = HEX_CODES[at + 1]!;
  }
  let preview = '';
  if (decode) preview = reflectApply(decode, decoder, [out]) as string;
  else for (let i = 0; i < 2 * count; i++) preview += reflectApply(fromCharCode, null, [out[i]]) as string;
  return { preview, truncated: count < totalSize };
}
