import { describe, expect, it } from 'vitest';
import { catalogEntry, catalogKeys, createTranslator, detectLocale, formatMessage, resolveLocale } from './i18n';

describe('locale catalogues', () => {
  it('have the same keys in English and Japanese, and no empty message', () => {
    const en = catalogKeys('en');
    expect(new Set(catalogKeys('ja'))).toEqual(new Set(en));
    for (const locale of ['en', 'ja'] as const) {
      for (const key of en) expect(catalogEntry(locale, key)!.message.trim(), `${locale}:${key}`).not.toBe('');
    }
    expect(en).toEqual(expect.arrayContaining(['extName', 'extDescription', 'panelTitle']));
  });

  it('use valid Chrome placeholders, the same substitutions in both languages', () => {
    for (const key of catalogKeys('en')) {
      const contents = (['en', 'ja'] as const).map((locale) => {
        const entry = catalogEntry(locale, key)!;
        const names = [...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase());
        const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
        for (const name of names) expect(placeholders[name], `${locale}:${key} $${name}$`).toMatch(/^\$[1-9]$/);
        expect(key).toMatch(/^[A-Za-z0-9_]+$/);
        return new Set(names.map((n) => placeholders[n]));
      });
      expect(contents[1], key).toEqual(contents[0]);
    }
  });
});

describe('t()', () => {
  it('substitutes $1-style values through placeholders, and $$ is a dollar', () => {
    expect(formatMessage({ message: 'A $X$ b $Y$ $$', placeholders: { x: { content: '$2' }, y: { content: '$1' } } }, ['one', 2])).toBe('A 2 b one $');
    expect(createTranslator('en')('paused_not_recorded', 7)).toBe('Paused: 7 not recorded');
    expect(createTranslator('ja')('paused_not_recorded', 7)).toBe('一時停止中: 7 件を記録していません');
  });

  it('follows the browser language unless the setting overrides it', () => {
    expect(detectLocale('ja')).toBe('ja');
    expect(detectLocale('ja-JP')).toBe('ja');
    expect(detectLocale('en-GB')).toBe('en');
    expect(detectLocale(undefined)).toBe('en');
    expect(resolveLocale('auto', 'ja')).toBe('ja');
    expect(resolveLocale('en', 'ja')).toBe('en');
    expect(resolveLocale('ja', 'en-US')).toBe('ja');
  });
});
