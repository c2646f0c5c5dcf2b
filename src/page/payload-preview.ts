// Runs in the page's MAIN world. Turns a payload into a bounded preview: the
// first characters of text, or the first bytes of binary data as hex.

export interface Preview {
  preview: string;
  truncated: boolean;
}

export function textPreview(text: string, maxChars: number): Preview {
  if (text.length <= maxChars) return { preview: text, truncated: false };
  let end = maxChars;
  // Do not cut a surrogate pair in half: the preview would show a false lone surrogate.
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return { preview: text.slice(0, end), truncated: true };
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Hex of the first `maxChars / 2` bytes (two characters per byte). */
export function bytesPreview(bytes: Uint8Array, totalSize: number, maxChars: number): Preview {
  const count = Math.min(bytes.length, Math.floor(maxChars / 2));
  let preview = '';
  for (let i = 0; i < count; i++) preview += HEX[bytes[i]!];
  return { preview, truncated: count < totalSize };
}
