// Runs in the page's MAIN world. The UTF-8 byte length of a received text
// frame, computed by the captured TextEncoder.encodeInto in fixed-size chunks
// (native speed, no page-replaceable String or RegExp method involved).

import type { Natives } from './natives';

/** Code units per chunk; a chunk may take one more to keep a surrogate pair whole. */
const CHUNK = 16 * 1024;
let scratch: Uint8Array | null = null;

export function utf8Length(text: string, n: Natives): number {
  // At most 3 bytes per code unit (a pair: 4 bytes for 2 units).
  scratch ??= new n.Uint8Array((CHUNK + 1) * 3);
  let bytes = 0;
  for (let start = 0; start < text.length; ) {
    let end = start + CHUNK < text.length ? start + CHUNK : text.length;
    if (end < text.length && (n.charCodeAt(text, end - 1) & 0xfc00) === 0xd800) end++;
    const result = n.apply(n.encodeInto, n.encoder, [n.stringSlice(text, start, end), scratch]) as TextEncoderEncodeIntoResult;
    bytes += result.written ?? 0;
    start = end;
  }
  return bytes;
}
