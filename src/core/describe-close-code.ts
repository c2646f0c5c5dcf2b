// Explains any number as a WebSocket close code: registry entry when the code
// has one, honest range-level text otherwise, plus what libraries mean by it.
// Total by design: every number (NaN, ±Infinity, fractions, > 65535) gets an
// answer, because the number may come from a forged page message.

import type { CloseCodeContext, CloseCodeInfo, CloseCodeText, Locale } from './types';
import { getCloseCodeEntry } from './close-code-registry';
import { genericCloseCodeEntry } from './close-code-generic-text';
import { closeCodeCanBeOnWire, closeCodeRange, pageMayUseCloseCode } from './close-code-range';
import { findAppMeanings } from './find-app-meanings';

export { listCloseCodes } from './close-code-registry';

/** 'ja' when asked for, 'en' for anything else (including junk). */
export function resolveLocale(locale: unknown): Locale {
  return locale === 'ja' ? 'ja' : 'en';
}

function copyText(text: CloseCodeText): Pick<CloseCodeInfo, 'title' | 'summary' | 'whenYouSeeIt' | 'likelyCauses' | 'fixes'> {
  // Fresh arrays: callers may sort or annotate them without touching the registry.
  return {
    title: text.title,
    summary: text.summary,
    whenYouSeeIt: text.whenYouSeeIt,
    likelyCauses: [...text.likelyCauses],
    fixes: [...text.fixes],
  };
}

/**
 * Describe `code` for the panel's close card and reference view.
 * `name` is always the English registry name; the prose follows `context.locale`.
 * @see RFC 6455 §7.4.1 (defined codes), §7.4.2 (ranges)
 */
export function describeCloseCode(code: number, context?: CloseCodeContext): CloseCodeInfo {
  const safeContext: CloseCodeContext = context && typeof context === 'object' ? context : {};
  const locale = resolveLocale(safeContext.locale);
  const numeric = typeof code === 'number' ? code : Number.NaN;
  const entry = getCloseCodeEntry(numeric) ?? genericCloseCodeEntry(numeric);
  return {
    code,
    name: entry.name,
    ...copyText(entry.text[locale]),
    range: closeCodeRange(numeric),
    sentOnWire: closeCodeCanBeOnWire(numeric),
    pageMayUse: pageMayUseCloseCode(numeric),
    appMeanings: findAppMeanings(numeric, safeContext),
    severity: entry.severity,
    source: entry.source,
  };
}
