import { describe, expect, it } from 'vitest';
import { bytesPreview } from './payload-preview';

describe('bytesPreview', () => {
  it('writes two lowercase hex digits per byte', () => {
    const bytes = Uint8Array.of(0x00, 0x0f, 0x10, 0xab, 0xff);
    expect(bytesPreview(bytes, 5, 5, 100)).toEqual({ preview: '000f10abff', truncated: false });
  });

  it('keeps maxChars / 2 bytes and says when it cut', () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => i & 0xff);
    const { preview, truncated } = bytesPreview(bytes, 300, 1000, 64);
    expect(preview).toBe(Array.from(bytes.subarray(0, 32), (b) => b.toString(16).padStart(2, '0')).join(''));
    expect(truncated).toBe(true);
  });
});
