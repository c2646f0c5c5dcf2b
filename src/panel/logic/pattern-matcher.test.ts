import { describe, expect, it } from 'vitest';
import { patternMatcher, SAMPLE_TEXTS } from './pattern-matcher';
import { requiredLiterals } from './required-literals';
import { prng } from '../../core/test-support/prng';

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** Texts over a small alphabet (with case, punctuation and non-ASCII look-alikes), so that literals are often present. */
function texts(random: () => number, count: number): string[] {
  const alphabet = ['a', 'b', 'c', 'A', 'B', 'C', '-', '"', ':', '.', '1', '2', ' ', '\n', 'é', 'É', 'ſ', 'K', 'K', 'ab', 'abc', 'ABC', '"a":1'];
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(random() * 24) }, () => pick(random, alphabet)).join(''));
}

/** Patterns built from the atoms the literal reader has to step over or read. */
function patterns(random: () => number, count: number): string[] {
  const atoms = ['a', 'b', 'c', 'A', 'bc', 'abc', 'abc', 'ABC', 'a"', ':1', 'a"', 'bc', '-', '"', ':', '1', '\\.', '\\"', '.', '\\d', '\\w', '\\s', '\\b', '\\B', '[ab]', '[^a]', '[)|]', '(a|b)', '(?:ab)', '(?=a)', '(?!b)', '(?<=a)', '(c)', '\\1', '\\x41', '\\u0062', '\\cJ', '^', '$', 'é', 'ſ', '{', '}', ']', 'K'];
  const quantifiers = ['', '', '', '*', '+', '?', '{2}', '{0,2}', '{1,}', '*?', '+?', '{,2}'];
  const out: string[] = [];
  while (out.length < count) {
    const parts = Array.from({ length: 1 + Math.floor(random() * 7) }, () => pick(random, atoms) + pick(random, quantifiers));
    if (random() < 0.1) parts.splice(Math.floor(random() * parts.length), 0, '|');
    const source = parts.join('');
    try {
      new RegExp(source, 'i');
      out.push(source);
    } catch {
      // Not a pattern the filter would run.
    }
  }
  return out;
}

describe('patternMatcher', () => {
  it('answers exactly as regex.test for generated patterns and texts, with and without the i flag', () => {
    const random = prng(20261203);
    const corpus = texts(random, SAMPLE_TEXTS + 400);
    let withLiterals = 0;
    for (const source of patterns(random, 1500)) {
      const { literals, leading } = requiredLiterals(source);
      if (literals.length > (leading ? 1 : 0)) withLiterals++;
      for (const flags of ['i', '']) {
        const regex = new RegExp(source, flags);
        const matches = patternMatcher(regex);
        for (const text of corpus) {
          if (matches(text) !== regex.test(text)) expect.fail(`/${source}/${flags} on ${JSON.stringify(text)}: ${!regex.test(text)} instead of ${regex.test(text)}`);
        }
      }
    }
    // The generator must reach the literal checks often, or this test proves little.
    expect(withLiterals).toBeGreaterThan(200);
  });

  it('keeps the answers of the frames filter on JSON previews', () => {
    const previews = Array.from({ length: 3000 }, (_, j) =>
      JSON.stringify({ id: j, type: j % 3 ? 'update' : 'QUOTE', user: `user-${j % 977}`, note: 'sed do eiusmod' }),
    );
    for (const source of ['"quote".*user-5\\d\\b', 'user-9.*sed do eius', 'id":\\d*42,', '"type":"(quote|update)".*"user-1', 'USER-12.*EIUS']) {
      const regex = new RegExp(source, 'i');
      const matches = patternMatcher(regex);
      const expected = previews.filter((p) => regex.test(p));
      expect(previews.filter((p) => matches(p)), source).toEqual(expected);
      expect(expected.length, `${source} should match some previews`).toBeGreaterThan(0);
    }
  });

  it('answers exactly as regex.test where an escape, group or quantifier could be misread as text', () => {
    const sources = ['.\\x41bcd', '.\\u0041bcd', '.\\cJabc', '(?<id>ab)x\\k<id>yz', '(a)\\1234xyz', '(a)\\1bcd', '.colou?r-name', '.abcx{0,3}def', '.abc(def)?jkl', '.abc[)(|]jkl', '.x(y|z)|abc', '.{"id":1}', '.abc{,3}def', '.\\x4', '.\\x4g-abc'];
    const corpus = ['zAbcd', 'z\nabc', 'abxabyz', 'aa234xyz', 'aaSxyz', 'aS4xyz', 'aabcd', 'zcolor-name', 'zcolour-name', 'zabcdef', 'zabcxxxdef', 'zabcjkl', 'zabcdefjkl', 'zabc)jkl', 'xy', 'abc', 'z{"id":1}', 'zabc{,3}def', 'zx4', 'zx4g-abc'];
    for (const source of sources) {
      const regex = new RegExp(source, 'i');
      const matches = patternMatcher(regex);
      const expected = corpus.map((t) => regex.test(t));
      expect(expected.some(Boolean), `${source} should match some texts`).toBe(true);
      expect(corpus.map((t) => matches(t)), source).toEqual(expected);
    }
  });

  it('finds a literal case-insensitively only when the regex does', () => {
    const insensitive = patternMatcher(/.*User-5/i);
    const sensitive = patternMatcher(/.*User-5/);
    const sample = Array.from({ length: SAMPLE_TEXTS }, (_, i) => `x${i}`);
    for (const text of sample) {
      insensitive(text);
      sensitive(text);
    }
    expect(insensitive('a user-5')).toBe(true);
    expect(sensitive('a user-5')).toBe(false);
    expect(sensitive('a User-5')).toBe(true);
  });
});
