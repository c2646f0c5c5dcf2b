// What libraries and services mean by a close code. Codes 4000–4999 are
// private (RFC 6455 §7.4.2) and many libraries reuse the same numbers, so a
// meaning is only attributed as certain when the socket's own context (its
// subprotocol or host) shows which library is in use.

import type { AppMeaning, CloseCodeContext } from './types';
import { APP_CLOSE_CODES, type AppCloseCode } from './app-close-codes';
import { recognizeAppService } from './recognize-app-service';

function toMeaning(entry: AppCloseCode, certain: boolean, matchedBy?: string): AppMeaning {
  const meaning: AppMeaning = {
    library: entry.library,
    meaning: entry.meaning,
    certain,
    source: entry.source,
  };
  if (matchedBy !== undefined) meaning.matchedBy = matchedBy;
  if (entry.reconnect !== undefined) meaning.reconnect = entry.reconnect;
  return meaning;
}

/**
 * Library meanings of `code`.
 * - The context identifies a known service: only that service's meaning, certain
 *   (empty when that service does not define the code: other libraries' meanings
 *   cannot apply to this socket).
 * - Otherwise: every library that defines the code, each with certain: false.
 */
export function findAppMeanings(code: number, context?: CloseCodeContext | null): AppMeaning[] {
  if (!Number.isInteger(code)) return [];
  const entries = APP_CLOSE_CODES.filter((entry) => entry.code === code);
  const match = context ? recognizeAppService(context) : null;
  if (match) {
    return entries
      .filter((entry) => entry.service === match.service)
      .map((entry) => toMeaning(entry, true, match.matchedBy));
  }
  return entries.map((entry) => toMeaning(entry, false));
}
