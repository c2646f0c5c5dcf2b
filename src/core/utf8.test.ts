import { describe, expect, it } from 'vitest';
import { decodeUtf8, utf8ByteLength, validateUtf8 } from './utf8';
import { prng } from './test-support/prng';

const hex = (s: string) => Uint8Array.from(s.split(' ').filter(Boolean).map((h) => parseInt(h, 16)));

/**
 * The oracle: the platform's fatal decoder. It throws while streaming as soon
 * as it knows a byte is bad, so the first prefix length L whose streaming
 * decode throws puts the error at byte L - 1; if only the final flush throws,
 * the input ended inside a sequence and the offset is the length.
 */
function oracle(bytes: Uint8Array): { valid: true } | { valid: false; errorOffset: number } {
  const fatal = () => new TextDecoder('utf-8', { fatal: true });
  try {
    fatal().decode(bytes);
    return { valid: true };
  } catch {
    // Throwing is monotone in the prefix length: binary search the first L that throws.
    let lo = 1;
    let hi = bytes.length;
    let first = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      let threw = false;
      try {
        fatal().decode(bytes.subarray(0, mid), { stream: true });
      } catch {
        threw = true;
      }
      if (threw) (first = mid), (hi = mid - 1);
      else lo = mid + 1;
    }
    return { valid: false, errorOffset: first === -1 ? bytes.length : first - 1 };
  }
}

describe('validateUtf8: vectors', () => {
  const cases: Array<[string, string, number | null]> = [
    ['empty', '', null],
    ['ASCII', '48 65 6c 6c 6f', null],
    ['2-byte é', 'c3 a9', null],
    ['3-byte あ', 'e3 81 82', null],
    ['4-byte 😀', 'f0 9f 98 80', null],
    ['U+10FFFF', 'f4 8f bf bf', null],
    ['noncharacter U+FFFF', 'ef bf bf', null],
    ['noncharacter U+FDD0', 'ef b7 90', null],
    ['BOM', 'ef bb bf 61', null],
    ['bad continuation C3 28', 'c3 28', 1],
    ['overlong C0 80', 'c0 80', 0],
    ['overlong C1 BF', 'c1 bf', 0],
    ['overlong E0 80 80', 'e0 80 80', 1],
    ['overlong E0 9F BF', 'e0 9f bf', 1],
    ['overlong F0 80 80 80', 'f0 80 80 80', 1],
    ['overlong F0 8F BF BF', 'f0 8f bf bf', 1],
    ['surrogate ED A0 80', 'ed a0 80', 1],
    ['surrogate ED BF BF', 'ed bf bf', 1],
    ['last before surrogates ED 9F BF', 'ed 9f bf', null],
    ['above U+10FFFF F4 90 80 80', 'f4 90 80 80', 1],
    ['F4 90 truncated', 'f4 90', 1],
    ['lead F5', 'f5 80 80 80', 0],
    ['lead FF', 'ff', 0],
    ['lead FE', '61 fe', 1],
    ['5-byte form', 'f8 88 80 80 80', 0],
    ['6-byte form', 'fc 84 80 80 80 80', 0],
    ['stray continuation', '61 80', 1],
    ['truncated 2-byte', 'c3', 1],
    ['truncated 3-byte', '61 e2 82', 3],
    ['truncated 4-byte', 'f0 9f 98', 3],
    ['E0 80 (error before the end)', 'e0 80', 1],
    ['ASCII then truncated in a long input', '61 '.repeat(100) + 'e3 81', 102],
    ['third byte bad', 'e3 81 41', 2],
    ['fourth byte bad', 'f0 9f 98 41', 3],
  ];
  for (const [name, bytes, offset] of cases) {
    it(`${name}: ${offset === null ? 'valid' : `error at ${offset}`}`, () => {
      const input = hex(bytes);
      const expected = offset === null ? { valid: true } : { valid: false, errorOffset: offset };
      expect(validateUtf8(input)).toEqual(expected);
      expect(oracle(input)).toEqual(expected); // the vectors agree with the platform too
    });
  }

  it('finds errors after the word-at-a-time ASCII skip at every alignment', () => {
    const backing = new Uint8Array(300).fill(0x61);
    for (let offset = 0; offset < 4; offset++) {
      for (let at = 0; at < 200; at += 7) {
        const view = backing.subarray(offset, offset + 250);
        view[at] = 0xff;
        expect(validateUtf8(view)).toEqual({ valid: false, errorOffset: at });
        view[at] = 0x61;
      }
    }
  });
});

/** Random inputs biased towards interesting bytes and mostly-valid text. */
function randomInput(rand: () => number): Uint8Array {
  const kind = rand();
  if (kind < 0.4) {
    // Valid text, then a few random mutations.
    let s = '';
    const len = Math.floor(rand() * 40);
    for (let i = 0; i < len; i++) {
      const r = rand();
      const cp =
        r < 0.4 ? Math.floor(rand() * 0x80) : r < 0.6 ? 0x80 + Math.floor(rand() * 0x780) : r < 0.85 ? 0x800 + Math.floor(rand() * 0xf800) : 0x10000 + Math.floor(rand() * 0x100000);
      s += cp >= 0xd800 && cp <= 0xdfff ? 'x' : String.fromCodePoint(cp);
    }
    const bytes = new TextEncoder().encode(s);
    const mutations = Math.floor(rand() * 3);
    for (let m = 0; m < mutations && bytes.length > 0; m++) {
      const at = Math.floor(rand() * bytes.length);
      const op = rand();
      if (op < 0.5) bytes[at] = Math.floor(rand() * 256);
      else if (op < 0.75) bytes[at] = bytes[at]! ^ 0x40; // continuation ↔ ASCII
      else return bytes.subarray(0, at); // truncate
    }
    return bytes;
  }
  const special = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf8, 0xfc, 0xfe, 0xff];
  const len = Math.floor(rand() * 12);
  const out = new Uint8Array(len);
  for (let i = 0; i < len; i++) out[i] = kind < 0.8 ? special[Math.floor(rand() * special.length)]! : Math.floor(rand() * 256);
  return out;
}

describe('validateUtf8: property test against the fatal TextDecoder', () => {
  it('agrees on validity and error offset for 6000 seeded inputs', () => {
    const rand = prng(0x5eed_0007);
    let invalid = 0;
    for (let k = 0; k < 6000; k++) {
      const input = randomInput(rand);
      const expected = oracle(input);
      const actual = validateUtf8(input);
      if (JSON.stringify(actual) !== JSON.stringify(expected)) {
        throw new Error(`mismatch on ${Array.from(input, (b) => b.toString(16).padStart(2, '0')).join(' ')}: got ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`);
      }
      if (!expected.valid) invalid++;
    }
    // The generator must exercise both outcomes, or the test proves little.
    expect(invalid).toBeGreaterThan(1500);
    expect(invalid).toBeLessThan(5000);
  });

  it('agrees on long inputs that take the word-at-a-time path', () => {
    const rand = prng(42);
    for (let k = 0; k < 300; k++) {
      const text = 'a'.repeat(Math.floor(rand() * 200)) + '日本' + 'b'.repeat(Math.floor(rand() * 200));
      const bytes = new TextEncoder().encode(text);
      if (rand() < 0.8) bytes[Math.floor(rand() * bytes.length)] = 0x80 + Math.floor(rand() * 0x80);
      expect(validateUtf8(bytes)).toEqual(oracle(bytes));
    }
  });
});

describe('decodeUtf8', () => {
  it('matches TextDecoder with replacement on the vectors and random inputs', () => {
    const rand = prng(7);
    const lossy = new TextDecoder('utf-8');
    for (let k = 0; k < 3000; k++) {
      const input = randomInput(rand);
      expect(decodeUtf8(input)).toBe(lossy.decode(input));
    }
    expect(decodeUtf8(hex('f0 80 80 41'))).toBe('\uFFFD\uFFFD\uFFFDA');
    expect(decodeUtf8(hex('ef bb bf 61'))).toBe('\uFEFFa'); // BOM kept
  });

  it('decodes more than one chunk', () => {
    const text = 'あ'.repeat(5000) + '😀';
    expect(decodeUtf8(new TextEncoder().encode(text))).toBe(text);
  });
});

describe('utf8ByteLength', () => {
  it('equals TextEncoder output length, lone surrogates counting 3', () => {
    expect(utf8ByteLength('')).toBe(0);
    expect(utf8ByteLength('a\uD800b')).toBe(5);
    expect(utf8ByteLength('\uDC00\uD800')).toBe(6);
    expect(utf8ByteLength('😀')).toBe(4);
    const rand = prng(99);
    for (let k = 0; k < 2000; k++) {
      let s = '';
      const len = Math.floor(rand() * 30);
      for (let i = 0; i < len; i++) s += String.fromCharCode(rand() < 0.3 ? 0xd800 + Math.floor(rand() * 0x800) : Math.floor(rand() * 0x10000));
      expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length);
    }
  });

  it('stays exact across long runs handed to the regex engine', () => {
    const rand = prng(123);
    const units = [() => 0x61, () => 0x3042, () => 0xe9, () => 0xd83d, () => 0xde00, () => 0xfffd];
    for (let k = 0; k < 1000; k++) {
      let s = '';
      for (let seg = Math.floor(rand() * 6); seg > 0; seg--) {
        const unit = units[Math.floor(rand() * units.length)]!;
        s += String.fromCharCode(unit()).repeat(Math.floor(rand() * 70));
      }
      expect(utf8ByteLength(s)).toBe(new TextEncoder().encode(s).length);
    }
  });
});
