import { describe, expect, it } from 'vitest';
import { base64ByteLength, base64ToHex, hexToBase64, textPreview } from './frame-data';

describe('frame data conversions', () => {
  it('turns hex previews into the base64 Chrome writes for binary frames, and back', () => {
    expect(hexToBase64('000102aa')).toBe('AAECqg==');
    expect(hexToBase64('')).toBe('');
    expect(base64ToHex('AAECqg==')).toBe('000102aa');
    const bytes = Array.from({ length: 70_000 }, (_, i) => (i * 7) & 0xff);
    const hex = bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
    expect(base64ToHex(hexToBase64(hex))).toBe(hex);
    expect(hexToBase64(hex)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it('refuses what is not hex or base64', () => {
    expect(hexToBase64('abc')).toBe('');
    expect(hexToBase64('zz')).toBe('');
    expect(base64ToHex('not base64!')).toBeNull();
    expect(base64ByteLength('A')).toBeNull();
  });

  it('measures and previews base64 without decoding all of it', () => {
    expect(base64ByteLength('AAECqg==')).toBe(4);
    expect(base64ByteLength('AAECqgA=')).toBe(5);
    expect(base64ByteLength('AAECqgAA')).toBe(6);
    expect(base64ByteLength('AAECqg')).toBe(4);
    expect(base64ToHex('AAECqgAA', 3)).toBe('000102');
    expect(base64ToHex('AAECqgAA', 4)).toBe('000102aa');
  });

  it('cuts text previews without splitting a surrogate pair', () => {
    expect(textPreview('abc', 5)).toEqual({ preview: 'abc', truncated: false });
    expect(textPreview('ab\u{1F600}c', 3)).toEqual({ preview: 'ab', truncated: true });
    expect(textPreview('abcd', 3)).toEqual({ preview: 'abc', truncated: true });
  });
});
