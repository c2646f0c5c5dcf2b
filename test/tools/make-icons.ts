// Draws the extension's icons (public/icons/icon-N.png) without any image
// library: a rounded blue tile with a white socket ring broken by a red
// slash. Run `npx tsx test/tools/make-icons.ts` after changing the design.

import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

type Color = [number, number, number];
const BLUE: Color = [26, 115, 232];
const WHITE: Color = [255, 255, 255];
const RED: Color = [234, 67, 53];

/** Coverage in 0..1 of a shape given its signed distance (negative inside), one pixel of anti-aliasing. */
const cover = (distance: number, px: number) => Math.min(1, Math.max(0, 0.5 - distance / px));

function draw(size: number): Buffer {
  const out = Buffer.alloc(size * size * 4);
  const px = 1 / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const u = (x + 0.5) / size;
      const v = (y + 0.5) / size;
      // Rounded tile.
      const r = 0.2;
      const qx = Math.abs(u - 0.5) - (0.5 - r);
      const qy = Math.abs(v - 0.5) - (0.5 - r);
      const tile = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
      let color: Color = BLUE;
      let alpha = cover(tile, px);
      // Socket ring.
      const ring = Math.abs(Math.hypot(u - 0.5, v - 0.5) - 0.27) - 0.07;
      const ringCover = cover(ring, px);
      // Red slash across it.
      const slash = Math.abs((u - 0.5) + (v - 0.5)) / Math.SQRT2 - 0.06;
      const slashCover = cover(Math.max(slash, Math.hypot(u - 0.5, v - 0.5) - 0.42), px);
      const mix = (a: Color, b: Color, t: number): Color => [0, 1, 2].map((i) => a[i]! * (1 - t) + b[i]! * t) as Color;
      color = mix(color, WHITE, ringCover);
      color = mix(color, RED, slashCover);
      alpha = Math.max(alpha, slashCover);
      const o = (y * size + x) * 4;
      out[o] = Math.round(color[0]);
      out[o + 1] = Math.round(color[1]);
      out[o + 2] = Math.round(color[2]);
      out[o + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

for (const size of SIZES) writeFileSync(`public/icons/icon-${size}.png`, png(size, draw(size)));
