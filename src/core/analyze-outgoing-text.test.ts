import { describe, expect, it } from 'vitest';
import { tallyText } from './text-tally';
import { analyzeOutgoingText, isPlainText } from './analyze-outgoing-text';
import type { FindingKind } from './types';
import { prng } from './test-support/prng';

const kinds = (text: string): FindingKind[] => analyzeOutgoingText(text).findings.map((f) => f.kind);
const encodedLength = (text: string) => new TextEncoder().encode(text).length;

/** The obvious per-code-unit reference the fast scan must agree with. */
function reference(text: string) {
  let lone = 0;
  let firstLone: number | null = null;
  let fffd = 0;
  let nul = 0;
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      i++;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      lone++;
      firstLone ??= i;
    }
    if (c === 0xfffd) fffd++;
    if (c === 0) nul++;
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f || (c >= 0x80 && c <= 0x9f)) control++;
  }
  return { lone, firstLone, fffd, nul, control };
}

/** Runs of one class of code unit, long enough to cross the scan's native hand-off. */
function randomText(rand: () => number): string {
  const pick = (from: number, to: number) => String.fromCharCode(from + Math.floor(rand() * (to - from + 1)));
  const classes: Array<() => string> = [
    () => pick(0x20, 0x7e), // printable ASCII
    () => '\t\n\r'[Math.floor(rand() * 3)]!,
    () => pick(0x00, 0x1f), // C0, NUL included
    () => '\x7f',
    () => pick(0x80, 0xff), // C1 and Latin-1
    () => pick(0x100, 0x7ff), // 2-byte
    () => pick(0x800, 0xd7ff), // 3-byte
    () => pick(0xe000, 0xffff), // 3-byte incl. U+FFFD and noncharacters
    () => '\uFFFD',
    () => pick(0xd800, 0xdbff) + pick(0xdc00, 0xdfff), // pair
    () => pick(0xd800, 0xdfff), // lone (or accidentally paired with a neighbour)
    () => [() => pick(0x20, 0x7e), () => pick(0x100, 0x7ff), () => pick(0x3000, 0x9fff)][Math.floor(rand() * 3)]!(), // script switching every unit
  ];
  let s = '';
  const segments = Math.floor(rand() * 8);
  for (let k = 0; k < segments; k++) {
    const cls = classes[Math.floor(rand() * classes.length)]!;
    const len = rand() < 0.5 ? Math.floor(rand() * 5) : Math.floor(rand() * 80);
    for (let i = 0; i < len; i++) s += cls();
  }
  return s;
}

describe('analyzeOutgoingText: exact counts (property test)', () => {
  it('utf8Bytes equals TextEncoder output and counts match the reference on 5000 seeded strings', () => {
    const rand = prng(0xc105e);
    let withLone = 0;
    for (let k = 0; k < 5000; k++) {
      const text = randomText(rand);
      const a = analyzeOutgoingText(text);
      const r = reference(text);
      const ctx = JSON.stringify(text);
      expect(a.utf8Bytes, ctx).toBe(encodedLength(text));
      expect(a.loneSurrogates, ctx).toEqual({ count: r.lone, firstIndex: r.firstLone });
      expect([a.replacementChars, a.nul, a.controlChars], ctx).toEqual([r.fffd, r.nul, r.control]);
      if (r.lone > 0) withLone++;
    }
    expect(withLone).toBeGreaterThan(500); // the generator does reach the hard case
  });

  it('stays exact in long mixed-script text (JSON with Japanese, Cyrillic prose)', () => {
    const jaJson = '{"id":1,"name":"山田太郎","text":"こんにちは、世界！"}\n'.repeat(300);
    const cyrillic = 'Привет, мир! Это тестовая строка. '.repeat(300);
    for (const text of [jaJson, cyrillic, jaJson + '\uD800' + cyrillic + '\0' + jaJson + '\uFFFD', cyrillic + 'é\x85' + jaJson]) {
      const a = analyzeOutgoingText(text);
      const r = reference(text);
      expect(a.utf8Bytes).toBe(encodedLength(text));
      expect(a.loneSurrogates).toEqual({ count: r.lone, firstIndex: r.firstLone });
      expect([a.replacementChars, a.nul, a.controlChars]).toEqual([r.fffd, r.nul, r.control]);
      expect(a.binaryLike.verdict).toBe(r.nul > 0);
    }
  });

  it('stays exact across long runs and at the very ends of large strings', () => {
    const big = 'a'.repeat(100_000) + '\uD800' + 'あ'.repeat(100_000) + '\0' + 'é'.repeat(5) + '😀'.repeat(1000) + '\uDC00';
    const a = analyzeOutgoingText(big);
    expect(a.utf8Bytes).toBe(encodedLength(big));
    expect(a.loneSurrogates).toEqual({ count: 2, firstIndex: 100_000 });
    expect(a.nul).toBe(1);
    const ascii = '{"k":"v"}'.repeat(50_000);
    expect(analyzeOutgoingText(ascii)).toMatchObject({ utf8Bytes: ascii.length, findings: [] });
  });
});

describe('analyzeOutgoingText: large strings (chunked, ASCII stretches verified natively)', () => {
  const json = '{"id":1,"name":"hello","tags":["a","b"]}\n';
  const big = (units: number) => json.repeat(Math.ceil(units / json.length)).slice(0, units);
  const put = (text: string, at: number, insert: string) => text.slice(0, at) + insert + text.slice(at + insert.length);

  it('keeps bytes, surrogates, U+FFFD and NUL exact on seeded random large strings', () => {
    const rand = prng(77);
    const specials = ['\uD83D\uDE00', '\uD800', '\uDC00', '\uFFFD', '\0', 'é', '\x85', 'あ', '\x1b', 'Ω'];
    for (let k = 0; k < 40; k++) {
      let text = big(70_000 + Math.floor(rand() * 200_000));
      for (let m = Math.floor(rand() * 12); m > 0; m--) {
        text = put(text, Math.floor(rand() * (text.length - 2)), specials[Math.floor(rand() * specials.length)]!);
      }
      if (rand() < 0.3) text = put(text, 32_768 * (1 + Math.floor(rand() * 3)) - 1, '\uD83D\uDE00'); // a pair across a chunk edge
      const a = analyzeOutgoingText(text);
      const r = reference(text);
      expect(a.utf8Bytes).toBe(encodedLength(text));
      expect(a.loneSurrogates).toEqual({ count: r.lone, firstIndex: r.firstLone });
      expect([a.replacementChars, a.nul]).toEqual([r.fffd, r.nul]);
      expect(a.controlChars).toBeLessThanOrEqual(r.control);
      if (!a.controlCharsSample) expect(a.controlChars).toBe(r.control);
    }
  });

  it('tallies the same whichever native proof of pure ASCII the engine uses', () => {
    const rand = prng(91);
    const specials = ['\uD83D\uDE00', '\uD800', '\uFFFD', '\0', 'é', '\x85', 'あ', '\x1b'];
    for (let k = 0; k < 20; k++) {
      let text = big(70_000 + Math.floor(rand() * 300_000));
      for (let m = Math.floor(rand() * 6); m > 0; m--) {
        text = put(text, Math.floor(rand() * (text.length - 2)), specials[Math.floor(rand() * specials.length)]!);
      }
      expect(tallyText(text, 'search')).toEqual(tallyText(text, 'encode'));
    }
  });

  it('samples control characters only in stretches proven pure ASCII, and says so', () => {
    const text = put(put(big(1 << 20), 100, '\x1b'), 300_000, '\x1b');
    const a = analyzeOutgoingText(text);
    expect(a.controlCharsSample).toEqual({ checkedUnits: expect.any(Number), totalUnits: 1 << 20 });
    expect(a.controlCharsSample!.checkedUnits).toBeLessThan(1 << 19);
    expect(a.controlChars).toBeGreaterThanOrEqual(1); // the one in the head is always seen
    expect(a.findings).toEqual([expect.objectContaining({ kind: 'control-char', index: 100 })]);
    expect(a.findings[0]!.message.en).toMatch(/^At least .* were checked/);
    expect(a.utf8Bytes).toBe(1 << 20);
  });

  it('counts NULs exactly in verified ASCII chunks, and tallies NUL-heavy chunks in full', () => {
    const sparse = put(put(big(300_000), 200_000, '\0'), 250_000, '\0');
    expect(analyzeOutgoingText(sparse)).toMatchObject({ nul: 2 });
    const heavy = big(100_000) + '\0\x01'.repeat(20_000) + big(100_000);
    const a = analyzeOutgoingText(heavy);
    expect(a.nul).toBe(20_000);
    expect(a.controlChars).toBe(20_000);
  });

  it('examines every unit of small and of non-ASCII large strings', () => {
    expect(analyzeOutgoingText(big(60_000)).controlCharsSample).toBeUndefined();
    const japanese = 'これは大きな日本語のテキストです。'.repeat(40_000);
    const a = analyzeOutgoingText(japanese);
    expect(a.controlCharsSample).toBeUndefined();
    expect(a.utf8Bytes).toBe(encodedLength(japanese));
  });
});

describe('analyzeOutgoingText: no findings for ordinary text', () => {
  const ordinary = [
    '',
    'hello',
    '{"type":"chat","text":"こんにちは、世界！","user":{"id":42,"name":"山田"}}',
    '日本語のテキストです。漢字・ひらがな・カタカナ。',
    '中文文本，简体与繁體。',
    '한국어 텍스트입니다.',
    'مرحبا بالعالم',
    'שלום עולם',
    'नमस्ते दुनिया',
    'สวัสดีชาวโลก',
    'Привет, мир!',
    'café naïve Straße déjà vu',
    'é',
    'Ÿ',
    '¿Qué tal? ¡Muy bien! £100 ©2024 ® ½ °C ±1 µs',
    'Ã©', // one suspicious pair is not enough
    'e\u0301 a\u0308 n\u0303', // combining marks
    '👨‍👩‍👧‍👦 👍🏽 🇯🇵 ❤️ 🏳️‍🌈',
    'line 1\nline 2\r\n\tindented',
    'GIF89a is an image format; RIFF and PK are just letters',
    'Le cœur a ses raisons que la raison ne connaît point. '.repeat(50),
    '\uFEFFwith a BOM',
    'noncharacters \uFFFF \uFDD0 are valid scalar values',
  ];
  for (const text of ordinary) {
    it(JSON.stringify(text.slice(0, 40)), () => {
      const a = analyzeOutgoingText(text);
      expect(a.findings).toEqual([]);
      expect(a.binaryLike.verdict).toBe(false);
      expect(a.utf8Bytes).toBe(encodedLength(text));
    });
  }
});

describe('analyzeOutgoingText: findings', () => {
  it('lone surrogate: error, exact count and first index', () => {
    const a = analyzeOutgoingText('ok 😀 a\uD800b\uDC00');
    expect(a.loneSurrogates).toEqual({ count: 2, firstIndex: 7 });
    expect(a.utf8Bytes).toBe(encodedLength('ok 😀 a\uD800b\uDC00'));
    expect(a.findings).toEqual([expect.objectContaining({ kind: 'lone-surrogate', severity: 'error', index: 7 })]);
    expect(a.findings[0]!.message.en).toContain('U+D800');
    expect(analyzeOutgoingText('\uDE00\uD83D').loneSurrogates).toEqual({ count: 2, firstIndex: 0 });
    expect(kinds('\uD83D\uDE00')).toEqual([]);
  });

  it('NUL inside text: warning, and binary-like', () => {
    const a = analyzeOutgoingText('a\0b');
    expect(a.nul).toBe(1);
    expect(a.binaryLike.verdict).toBe(true);
    expect(a.binaryLike.reason).toContain('NUL');
    expect(a.findings.find((f) => f.kind === 'nul')).toMatchObject({ severity: 'warning', index: 1 });
  });

  it('a single trailing NUL (STOMP terminator) is info, not binary', () => {
    const a = analyzeOutgoingText('SEND\ndestination:/queue/a\ncontent-type:text/plain\n\nhello\0');
    expect(a.binaryLike.verdict).toBe(false);
    expect(a.findings).toEqual([expect.objectContaining({ kind: 'nul', severity: 'info' })]);
  });

  it('control characters: info for C0/DEL, warning when C1 is present', () => {
    const ansi = analyzeOutgoingText('a\x1b[31mred\x1b[0m\x7f');
    expect(ansi.controlChars).toBe(3);
    expect(ansi.findings).toEqual([expect.objectContaining({ kind: 'control-char', severity: 'info', index: 1 })]);
    const c1 = analyzeOutgoingText('it\x92s');
    expect(c1.controlChars).toBe(1);
    expect(c1.binaryLike.verdict).toBe(false);
    expect(c1.findings).toEqual([expect.objectContaining({ kind: 'control-char', severity: 'warning', index: 2 })]);
  });

  it('replacement characters: warning at the first one', () => {
    const a = analyzeOutgoingText('bad \uFFFD here \uFFFD');
    expect(a.replacementChars).toBe(2);
    expect(a.findings).toEqual([expect.objectContaining({ kind: 'replacement-char', severity: 'warning', index: 4 })]);
  });

  const bytesToString = (bytes: ArrayLike<number>) => String.fromCharCode(...Array.from(bytes));
  const binaryCases: Array<[string, string, string]> = [
    ['PNG file', bytesToString([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]), 'PNG'],
    ['gzip', bytesToString([0x1f, 0x8b, 0x08, 0x00, 0x12, 0x34]), 'gzip'],
    ['JPEG', bytesToString([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]), 'JPEG'],
    ['ZIP', 'PK\x03\x04\x14\x00', 'ZIP'],
    ['GIF with binary header', 'GIF89a\x10\x00\x10\x00\xf7\x00', 'GIF'],
    ['RIFF/WEBP', 'RIFF\x24\x00\x00\x00WEBPVP8 ', 'RIFF/WEBP'],
    ['UTF-8 bytes as code units', bytesToString(new TextEncoder().encode('こんにちは世界')), 'UTF-8'],
    ['double-encoded été', 'Ã©tÃ©', 'UTF-8'],
    ['raw bytes without NUL', bytesToString([0x93, 0x41, 0xe9, 0x05, 0xff, 0x10, 0x88, 0xc7, 0x21, 0xb2]), 'C1'],
  ];
  for (const [name, text, reason] of binaryCases) {
    it(`binary-like: ${name}`, () => {
      const a = analyzeOutgoingText(text);
      expect(a.binaryLike.verdict).toBe(true);
      expect(a.binaryLike.reason).toContain(reason);
      expect(a.findings.find((f) => f.kind === 'binary-like')).toMatchObject({ severity: 'warning' });
      // Control characters inside binary data are not reported separately.
      expect(kinds(text)).not.toContain('control-char');
      expect(a.utf8Bytes).toBe(encodedLength(text));
    });
  }

  it('not binary-like when the string also holds units above 0xFF (it cannot be a byte string)', () => {
    for (const text of ['こんにちは\x85\x85', 'Ω Ã©tÃ©', '{"name":"山田太郎","text":"こんにちは、世界！"}'.repeat(5) + 'Ã©tÃ©\x85\x01'.repeat(3)]) {
      const a = analyzeOutgoingText(text);
      expect(a.binaryLike.verdict, text).toBe(false);
      if (/[\x80-\x9f]/.test(text)) expect(kinds(text)).toContain('control-char');
    }
  });

  it('binary-like: random byte strings of 32+ bytes (seeded)', () => {
    const rand = prng(2024);
    for (let k = 0; k < 200; k++) {
      const bytes = Array.from({ length: 32 + Math.floor(rand() * 200) }, () => Math.floor(rand() * 256));
      expect(analyzeOutgoingText(bytesToString(bytes)).binaryLike.verdict).toBe(true);
    }
  });

  it('every message has English and natural Japanese text', () => {
    const text = '\0a\uD800\x01\uFFFD\x7f' + bytesToString([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const all = [...analyzeOutgoingText(text).findings, ...analyzeOutgoingText('x\x01').findings, ...analyzeOutgoingText('x\0').findings];
    expect(new Set(all.map((f) => f.kind))).toEqual(new Set(['lone-surrogate', 'binary-like', 'nul', 'replacement-char', 'control-char']));
    for (const f of all) {
      expect(f.message.en.length).toBeGreaterThan(40);
      expect(f.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(f.message.ja).toMatch(/。$/);
    }
  });
});

describe('isPlainText: the shortcut agrees with the full analysis', () => {
  it('holds short plain ASCII; rejects what the analysis would flag or count differently, and long text', () => {
    const plain = ['', 'hello', '{"id":1,"ok":true}', 'line\r\nnext\ttab', ' ~', 'RIFF is a word', 'GIF89a but printable'];
    for (const text of plain) expect([text, isPlainText(text)]).toEqual([text, true]);
    const notPlain = ['é', 'a\0', '\x1b[0m', '\x7f', 'あ', '\uD800', '\uFFFD', 'RIFFabcdWEBPdata', 'x'.repeat(5000)];
    for (const text of notPlain) expect([text, isPlainText(text)]).toEqual([text, false]);
  });

  it('never takes a string whose analysis has findings or extra bytes (seeded random strings)', () => {
    const rand = prng(5);
    const alphabet = ['a', ' ', '~', '\t', '\n', '\r', '\0', '\x01', '\x7f', '\x85', 'é', 'あ', '\uD800', '\uDC00', '\uFFFD', 'R', 'I', 'F', 'W', 'E', 'B', 'P', 'G', '8', '9'];
    let plainSeen = 0;
    for (let k = 0; k < 5000; k++) {
      let text = '';
      for (let m = Math.floor(rand() * 16); m > 0; m--) text += alphabet[Math.floor(rand() * (rand() < 0.9 ? 9 : alphabet.length))];
      if (rand() < 0.05) text = `RIFF${text.slice(0, 4).padEnd(4, 'x')}WEBP`;
      if (!isPlainText(text)) continue;
      plainSeen++;
      const a = analyzeOutgoingText(text);
      expect([text, a.utf8Bytes, a.findings, a.binaryLike.verdict]).toEqual([text, text.length, [], false]);
    }
    expect(plainSeen).toBeGreaterThan(500);
  });
});
