// The benchmarks' raw WebSocket endpoints: a handshake, then frames read by
// skipping their payloads (only short text payloads are unmasked and handed
// over) and frames written from prebuilt bytes. The bench measures the
// browser; with `ws` on these 2 cores the server's own per-message work
// (about 30 µs a frame) would be a large part of every figure.

import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

/** RFC 6455 §1.3: the GUID the accept key is derived with. */
const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** Text payloads up to this size are unmasked and passed to `onMessage`; longer ones are skipped. */
const SHORT_TEXT = 64;

/**
 * Completes the handshake on `socket` and calls `onMessage` once per message
 * it reads (with its text when it is one short single-frame text message).
 */
export function acceptRaw(req: IncomingMessage, socket: Duplex, head: Buffer, onMessage: (text: string | null) => void): void {
  const key = req.headers['sec-websocket-key'];
  if (typeof key !== 'string') {
    socket.destroy();
    return;
  }
  const accept = createHash('sha1').update(key + GUID).digest('base64');
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
  let rest: Buffer = Buffer.alloc(0); // an incomplete frame header from the last chunk
  let skip = 0; // payload bytes of the current frame still to come
  const read = (chunk: Buffer) => {
    const buf = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    rest = Buffer.alloc(0);
    let i = 0;
    while (i < buf.length) {
      if (skip > 0) {
        const n = Math.min(skip, buf.length - i);
        skip -= n;
        i += n;
        continue;
      }
      const header = frameHeader(buf, i);
      if (!header) {
        rest = Buffer.from(buf.subarray(i));
        return;
      }
      if (header.opcode === 0x8) {
        socket.end(Buffer.from([0x88, 0x00])); // answer the close, no status
        return;
      }
      const short = header.fin && header.opcode === 0x1 && header.payload <= SHORT_TEXT && header.size === 6;
      if (short) {
        if (buf.length - i < header.size + header.payload) {
          rest = Buffer.from(buf.subarray(i));
          return;
        }
        const mask = buf.subarray(i + 2, i + 6);
        const text = Buffer.from(buf.subarray(i + 6, i + 6 + header.payload));
        for (let k = 0; k < text.length; k++) text[k]! ^= mask[k & 3]!;
        onMessage(text.toString('utf8'));
        i += header.size + header.payload;
        continue;
      }
      // A message ends with a final data or continuation frame (control frames are no messages).
      if (header.fin && header.opcode < 0x8) onMessage(null);
      i += header.size;
      skip = header.payload;
    }
  };
  socket.on('data', read);
  socket.on('error', () => socket.destroy());
  if (head.length > 0) read(head);
}

/** RFC 6455 §5.2: a frame header at `i`, or null when it is not all in `buf` yet. */
function frameHeader(buf: Buffer, i: number): { fin: boolean; opcode: number; size: number; payload: number } | null {
  if (buf.length - i < 2) return null;
  const b0 = buf[i]!;
  const b1 = buf[i + 1]!;
  let payload = b1 & 0x7f;
  let size = 2;
  if (payload === 126) {
    if (buf.length - i < 4) return null;
    payload = buf.readUInt16BE(i + 2);
    size = 4;
  } else if (payload === 127) {
    if (buf.length - i < 10) return null;
    payload = Number(buf.readBigUInt64BE(i + 2));
    size = 10;
  }
  if (b1 & 0x80) size += 4; // the client's masking key
  if (buf.length - i < size) return null;
  return { fin: (b0 & 0x80) !== 0, opcode: b0 & 0x0f, size, payload };
}

/** `count` unmasked server text frames of `text` (under 126 bytes), as one buffer. */
export function textFrames(text: string, count: number): Buffer {
  const payload = Buffer.from(text, 'utf8');
  if (payload.length > 125) throw new Error('short frames only');
  const frame = Buffer.concat([Buffer.from([0x81, payload.length]), payload]);
  const out = Buffer.allocUnsafe(frame.length * count);
  for (let k = 0; k < count; k++) frame.copy(out, k * frame.length);
  return out;
}
