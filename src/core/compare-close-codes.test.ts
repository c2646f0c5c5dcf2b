import { describe, expect, it } from 'vitest';
import { compareCloseCodes } from './compare-close-codes';
import { listCuratedComparisons } from './curated-comparisons';
import type { CloseCodeComparison } from './types';

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

function allText(c: CloseCodeComparison): string[] {
  return [...c.keyDifferences, c.whenToUseA, c.whenToUseB];
}

describe('compareCloseCodes: 1007 vs 1008', () => {
  it('is curated in English, with the seed page content', () => {
    const c = compareCloseCodes(1007, 1008);
    expect(c.curated).toBe(true);
    expect(c.a.code).toBe(1007);
    expect(c.b.code).toBe(1008);
    expect(c.a.name).toBe('Invalid frame payload data');
    expect(c.b.name).toBe('Policy Violation');
    expect(c.keyDifferences.length).toBeGreaterThanOrEqual(6);
    const joined = c.keyDifferences.join('\n');
    for (const needle of ['non-UTF-8', 'binary data accidentally sent as a text frame', 'rate limits', 'authentication after the handshake', 'bytes of one message', 'server', '1006']) {
      expect(joined).toContain(needle);
    }
    expect(c.whenToUseA).toContain('use binary frames instead of text frames');
    expect(c.whenToUseA).toContain('valid UTF-8');
    expect(c.whenToUseB).toContain('rate limiting, authentication token expiry, or forbidden message content');
    for (const s of allText(c)) expect(s).not.toMatch(JAPANESE);
  });

  it('is curated in Japanese', () => {
    const c = compareCloseCodes(1007, 1008, 'ja');
    expect(c.curated).toBe(true);
    expect(c.a.title).toBe('不正なペイロードデータ');
    expect(c.b.title).toBe('ポリシー違反');
    for (const s of allText(c)) expect(s).toMatch(JAPANESE);
    expect(c.whenToUseA).toContain('バイナリフレーム');
    expect(c.whenToUseB).toContain('レート制限');
    expect(c.keyDifferences).not.toEqual(compareCloseCodes(1007, 1008, 'en').keyDifferences);
  });

  it('is symmetric: swapping the codes swaps the infos and the advice', () => {
    for (const locale of ['en', 'ja'] as const) {
      const ab = compareCloseCodes(1007, 1008, locale);
      const ba = compareCloseCodes(1008, 1007, locale);
      expect(ba.curated).toBe(true);
      expect(ba.a.code).toBe(1008);
      expect(ba.b.code).toBe(1007);
      expect(ba.whenToUseA).toBe(ab.whenToUseB);
      expect(ba.whenToUseB).toBe(ab.whenToUseA);
      expect(ba.keyDifferences).toEqual(ab.keyDifferences);
    }
  });
});

describe('compareCloseCodes: the other curated pairs', () => {
  const pairs: [number, number][] = [
    [1007, 1002],
    [1007, 1003],
    [1007, 1009],
    [1008, 1002],
    [1008, 1003],
    [1008, 1009],
  ];

  it('lists exactly the seven curated pairs', () => {
    expect(listCuratedComparisons()).toHaveLength(7);
  });

  for (const [x, y] of pairs) {
    it(`${x} vs ${y} is curated in both orders and both languages`, () => {
      for (const locale of ['en', 'ja'] as const) {
        const xy = compareCloseCodes(x, y, locale);
        const yx = compareCloseCodes(y, x, locale);
        for (const c of [xy, yx]) {
          expect(c.curated).toBe(true);
          expect(c.keyDifferences.length).toBeGreaterThanOrEqual(3);
          for (const s of allText(c)) {
            expect(s.length).toBeGreaterThan(20);
            if (locale === 'ja') expect(s).toMatch(JAPANESE);
            else expect(s).not.toMatch(JAPANESE);
          }
        }
        expect(xy.whenToUseA).toContain(String(x));
        expect(xy.whenToUseB).toContain(String(y));
        expect(yx.whenToUseA).toBe(xy.whenToUseB);
        expect(xy.whenToUseA).not.toBe(xy.whenToUseB);
      }
    });
  }
});

describe('compareCloseCodes: generic pairs', () => {
  it('builds a comparison from both descriptions', () => {
    const c = compareCloseCodes(1000, 1001);
    expect(c.curated).toBe(false);
    expect(c.keyDifferences[0]).toContain('1000 (Normal Closure)');
    expect(c.keyDifferences[1]).toContain('1001 (Going Away)');
    expect(c.whenToUseA).toContain('1000');
    expect(c.whenToUseB).toContain('1001');
  });

  it('points out local-only codes and what close() accepts', () => {
    const c = compareCloseCodes(1006, 4000);
    const joined = c.keyDifferences.join('\n');
    expect(joined).toContain('1006 never appears in a Close frame');
    expect(joined).toContain('close(4000)');
    expect(joined).toContain('InvalidAccessError');
    expect(c.whenToUseA).toMatch(/^Do not send 1006/);
  });

  it('follows the locale', () => {
    const c = compareCloseCodes(1000, 4000, 'ja');
    expect(c.curated).toBe(false);
    for (const s of allText(c)) expect(s).toMatch(JAPANESE);
    expect(c.a.name).toBe('Normal Closure');
  });

  it('never throws, for any numbers', () => {
    const values = [Number.NaN, Infinity, -Infinity, -1, 0, 1.5, 999, 1007, 1008, 4004, 65535, 65536, 1e20];
    for (const a of values) {
      for (const b of values) {
        for (const locale of ['en', 'ja', undefined, 'xx' as 'en'] as const) {
          const c = compareCloseCodes(a, b, locale);
          expect(Object.is(c.a.code, a)).toBe(true);
          expect(Object.is(c.b.code, b)).toBe(true);
          expect(c.keyDifferences.length).toBeGreaterThan(0);
          expect(c.whenToUseA.length).toBeGreaterThan(0);
          expect(c.whenToUseB.length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('says when both codes are the same', () => {
    expect(compareCloseCodes(1007, 1007).keyDifferences[0]).toContain('same code');
    expect(compareCloseCodes(1007, 1007).curated).toBe(false);
    expect(compareCloseCodes(Number.NaN, Number.NaN, 'ja').keyDifferences[0]).toContain('同じコード');
  });

  it('does not curate fractions that round to a curated code', () => {
    expect(compareCloseCodes(1007.2, 1008).curated).toBe(false);
  });
});
