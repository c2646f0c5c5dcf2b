// Runs in the page's MAIN world. The UTF-8 byte length of a received text
// frame: its pure-ASCII head found by a regex search where the engine makes
// that the faster way (ascii-scan.ts), the rest counted by the captured
// TextEncoder.encodeInto in fixed-size chunks.

import { firstNonAscii, SEARCH_PROVES_ASCII } from '../core/ascii-scan';
import type { Natives } from './natives';

/** Code units per chunk; a chunk may take one more to keep a surrogate pair whole. */
const CHUNK = 16 * 1024;
let scratch: Uint8Array | null = null;

export function utf8Length(text: string, n: Natives): number {
  // At most 3 bytes per code unit (a pair: 4 bytes for 2 units).
  scratch ??= new n.Uint8Array((CHUNK + 1) * 3);
  let start = SEARCH_PROVES_ASCII ? firstNonAscii(text, 0) : 0;
  let bytes = start;
  while (start < text.length) {
    let end = start + CHUNK < text.length ? start + CHUNK : text.length;
    if (end < text.length && (n.charCodeAt(text, end - 1) & 0xfc00) === 0xd800) end++;
    const result = n.apply(n.encodeInto, n.encoder, [n.stringSlice(text, start, end), scratch]) as TextEncoderEncodeIntoResult;
    bytes += result.written ?? 0;
    start = end;
  }
  return bytes;
}
