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

// Built at load, before any page script runs.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * Hex of the first `maxChars / 2` bytes (two characters per byte) of `head`,
 * which holds `headLength` bytes (passed in: `length` is a page-replaceable getter).
 */
export function bytesPreview(head: Uint8Array, headLength: number, totalSize: number, maxChars: number): Preview {
  const half = maxChars >> 1;
  const count = headLength < half ? headLength : half;
  let preview = '';
  for (let i = 0; i < count; i++) preview += HEX[head[i]!];
  return { preview, truncated: count < totalSize };
}
