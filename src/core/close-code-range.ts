// Which block of the close-code space a number falls in, and what a page may
// do with it. Pure arithmetic on the ranges of RFC 6455 §7.4.2.

import type { CloseCodeRange } from './types';

/**
 * @see RFC 6455 §7.4.2: 0–999 not used, 1000–2999 the protocol's own,
 * 3000–3999 registrable with IANA, 4000–4999 private use. Anything else
 * (non-integers, negatives, NaN, 5000 and above) is outside every range.
 */
export function closeCodeRange(code: number): CloseCodeRange {
  if (!Number.isInteger(code) || code < 0 || code >= 5000) return 'invalid';
  if (code < 1000) return 'unused';
  if (code < 3000) return 'protocol';
  if (code < 4000) return 'registered';
  return 'private';
}

/**
 * What `WebSocket.close(code)` accepts without throwing InvalidAccessError.
 * The browser clamps the argument first ([Clamp] unsigned short); this answers
 * for the number itself, so only exact integers count.
 * @see WHATWG WebSockets Standard, close() step 1
 */
export function pageMayUseCloseCode(code: number): boolean {
  return Number.isInteger(code) && (code === 1000 || (code >= 3000 && code <= 4999));
}

/**
 * 1005, 1006 and 1015 only ever exist inside an endpoint; numbers that do not
 * fit the two-byte status field cannot come from a Close frame either.
 * @see RFC 6455 §7.4.1 ("MUST NOT be set as a status code in a Close control frame")
 * @see RFC 6455 §5.5.1 (the status code is a 2-byte unsigned integer)
 */
export function closeCodeCanBeOnWire(code: number): boolean {
  if (!Number.isInteger(code) || code < 0 || code > 65535) return false;
  return code !== 1005 && code !== 1006 && code !== 1015;
}
