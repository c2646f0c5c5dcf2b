// Conversions between our frame previews and HAR frame data. Our previews of
// binary frames are lowercase hex (two characters per byte); Chrome's HAR
// holds binary frames as base64 and text frames as the text itself.
// Table-driven: an export or import may convert 100,000 frames.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const HEX_OF_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** char code → 6-bit value, -1 for anything else. */
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SEXTET[ALPHABET.charCodeAt(i)] = i;
/** char code → 4-bit value, -1 for anything else. */
const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  NIBBLE['0123456789abcdef'.charCodeAt(i)] = i;
  NIBBLE['0123456789ABCDEF'.charCodeAt(i)] = i;
}

function hexBytes(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0) return null;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) {
    const hi = NIBBLE[hex.charCodeAt(2 * i)] ?? -1;
    const lo = NIBBLE[hex.charCodeAt(2 * i + 1)] ?? -1;
    if (hi < 0 || lo < 0) return null;
    bytes[i] = (hi << 4) | lo;
  }
  return bytes;
}

/** base64 of the bytes a hex preview spells; '' for anything that is not hex. */
export function hexToBase64(hex: string): string {
  const bytes = hexBytes(hex);
  if (!bytes) return '';
  const parts: string[] = [];
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    parts.push(ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]! + ALPHABET[(n >> 6) & 63]! + ALPHABET[n & 63]!);
  }
  const rest = bytes.length - i;
  if (rest === 1) parts.push(`${ALPHABET[bytes[i]! >> 2]}${ALPHABET[(bytes[i]! & 3) << 4]}==`);
  if (rest === 2) {
    const n = (bytes[i]! << 8) | bytes[i + 1]!;
    parts.push(`${ALPHABET[n >> 10]}${ALPHABET[(n >> 4) & 63]}${ALPHABET[(n & 15) << 2]}=`);
  }
  return parts.join('');
}

/** Length of `data` without its '=' padding, or null when it is not (padded or unpadded) base64. */
function base64Body(data: string): number | null {
  let end = data.length;
  if (end % 4 === 0 && data.endsWith('==')) end -= 2;
  else if (end % 4 === 0 && data.endsWith('=')) end -= 1;
  if (end % 4 === 1) return null;
  for (let i = 0; i < end; i++) {
    if ((SEXTET[data.charCodeAt(i)] ?? -1) < 0) return null;
  }
  return end;
}

/** Bytes that base64 `data` decodes to, without decoding it; null when it is not base64. */
export function base64ByteLength(data: string): number | null {
  const body = base64Body(data);
  return body === null ? null : Math.floor((body * 3) / 4);
}

/** Hex of the first `maxBytes` bytes of base64 `data`; null when it is not base64. */
export function base64ToHex(data: string, maxBytes = Infinity): string | null {
  const body = base64Body(data);
  if (body === null) return null;
  const count = Math.min(Math.floor((body * 3) / 4), maxBytes);
  const parts: string[] = [];
  let bits = 0;
  let buffered = 0;
  for (let i = 0; i < body && parts.length < count; i++) {
    bits = ((bits << 6) | SEXTET[data.charCodeAt(i)]!) & 0xffffff;
    buffered += 6;
    if (buffered >= 8) {
      buffered -= 8;
      parts.push(HEX_OF_BYTE[(bits >> buffered) & 0xff]!);
    }
  }
  return parts.join('');
}

/** The first `maxChars` UTF-16 units of `text`, not cutting a surrogate pair in half. */
export function textPreview(text: string, maxChars: number): { preview: string; truncated: boolean } {
  if (text.length <= maxChars) return { preview: text, truncated: false };
  let end = maxChars;
  const last = text.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return { preview: text.slice(0, end), truncated: true };
}
