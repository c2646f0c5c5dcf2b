// Hex dumps of binary previews. The hook stores binary payloads as hex
// strings, two characters per byte.

export interface HexLine {
  offset: string;
  hex: string;
  ascii: string;
}

const BYTES_PER_LINE = 16;

/** Bytes from a hex preview; stops at the first pair that is not hex. */
export function bytesFromHex(hex: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i + 1 < hex.length; i += 2) {
    const byte = Number.parseInt(hex.slice(i, i + 2), 16);
    if (Number.isNaN(byte)) break;
    bytes.push(byte);
  }
  return bytes;
}

export function hexDumpLines(bytes: readonly number[]): HexLine[] {
  const lines: HexLine[] = [];
  for (let at = 0; at < bytes.length; at += BYTES_PER_LINE) {
    const chunk = bytes.slice(at, at + BYTES_PER_LINE);
    const hex = chunk.map((b) => b.toString(16).padStart(2, '0')).join(' ');
    const ascii = chunk.map((b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');
    lines.push({ offset: at.toString(16).padStart(8, '0'), hex, ascii });
  }
  return lines;
}

export function hexDumpText(bytes: readonly number[]): string {
  return hexDumpLines(bytes)
    .map((l) => `${l.offset}  ${l.hex.padEnd(BYTES_PER_LINE * 3 - 1)}  ${l.ascii}`)
    .join('\n');
}

/** UTF-8 bytes of a text preview (for the hex view of text frames). */
export function bytesOfText(text: string): number[] {
  return [...new TextEncoder().encode(text)];
}

/** Pretty JSON when the text parses as an object or array, else null. */
export function prettyJson(text: string): string | null {
  const trimmed = text.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return null;
  try {
    return JSON.stringify(JSON.parse(trimmed), null, 2);
  } catch {
    return null;
  }
}
