// The panel's strings, in English and Japanese, from the extension's own
// _locales (Chrome i18n format). Both catalogues are bundled so the language
// can follow a setting, not only the browser: browser.i18n cannot switch.

import en from '../../public/_locales/en/messages.json';
import ja from '../../public/_locales/ja/messages.json';
import type { Locale } from '../core/types';

export type MessageKey = keyof typeof en;
export type Substitution = string | number;
export type Translate = (key: MessageKey, ...substitutions: Substitution[]) => string;
export type LocaleSetting = 'auto' | Locale;

interface CatalogEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Catalog = Record<string, CatalogEntry | undefined>;

const CATALOGS: Record<Locale, Catalog> = { en, ja };

/** 'ja' for any Japanese UI language, else 'en'. */
export function detectLocale(uiLanguage: string | undefined | null): Locale {
  return typeof uiLanguage === 'string' && /^ja\b/i.test(uiLanguage) ? 'ja' : 'en';
}

export function resolveLocale(setting: LocaleSetting, uiLanguage: string | undefined | null): Locale {
  return setting === 'en' || setting === 'ja' ? setting : detectLocale(uiLanguage);
}

/**
 * Chrome's substitution rules, in small: `$name$` is replaced by its
 * placeholder's content, then `$1`…`$9` by the substitutions; `$$` is a dollar.
 */
export function formatMessage(entry: CatalogEntry, substitutions: readonly Substitution[]): string {
  const placeholders = entry.placeholders ?? {};
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const found = Object.entries(placeholders).find(([key]) => key.toLowerCase() === name.toLowerCase());
    return found ? found[1].content : whole;
  });
  return named.replace(/\$(\$|[1-9])/g, (_whole, which: string) => {
    if (which === '$') return '$';
    const value = substitutions[Number(which) - 1];
    return value === undefined ? '' : String(value);
  });
}

/** A translator for one locale; unknown keys fall back to English, then to the key. */
export function createTranslator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  return (key, ...substitutions) => {
    const entry = catalog[key] ?? CATALOGS.en[key];
    return entry ? formatMessage(entry, substitutions) : key;
  };
}

export function catalogKeys(locale: Locale): string[] {
  return Object.keys(CATALOGS[locale]);
}

export function catalogEntry(locale: Locale, key: string): CatalogEntry | undefined {
  return CATALOGS[locale][key];
}
