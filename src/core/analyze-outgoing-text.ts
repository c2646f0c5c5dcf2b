// What `WebSocket.send(string)` will really put on the wire, and what in the
// string looks wrong. Runs synchronously inside the page's send(): one pass
// (text-tally.ts), then the binary verdict and the findings.

import { classifyBinary, magicNumber } from './binary-verdict';
import { buildFindings } from './outgoing-text-findings';
import { tallyText } from './text-tally';
import type { TextFrameAnalysis } from './types';

/**
 * Analyse a string passed to `WebSocket.send()`. `utf8Bytes` is exactly what
 * `bufferedAmount` grows by; lone surrogates are found exactly (each costs 3
 * bytes as U+FFFD). `controlChars` counts C0 controls other than TAB, LF, CR
 * and NUL (NUL has its own count), plus DEL (0x7F) and C1 (0x80–0x9F).
 * Every count is exact, except that in strings over 64 Ki units the stretches
 * proven pure ASCII are only sampled for control characters; then
 * `controlCharsSample` says how many units were checked.
 *
 * @see WHATWG WebSockets §send() "increase bufferedAmount by the number of bytes needed to express the argument as UTF-8"
 * @see WHATWG Encoding Standard §4.2 UTF-8 encoder
 */
export function analyzeOutgoingText(text: string): TextFrameAnalysis {
  const t = tallyText(text);
  const binary = classifyBinary(text, t);
  const analysis: TextFrameAnalysis = {
    utf8Bytes: text.length + t.extraBytes,
    loneSurrogates: { count: t.lone, firstIndex: t.lone > 0 ? t.firstLone : null },
    replacementChars: t.fffd,
    controlChars: t.control,
    nul: t.nul,
    binaryLike: { verdict: binary.verdict, reason: binary.reason },
    findings: t.extraBytes === 0 && t.control === 0 && t.nul === 0 && !binary.verdict ? [] : buildFindings(text, t, binary),
  };
  if (t.checked < text.length) analysis.controlCharsSample = { checkedUnits: t.checked, totalUnits: text.length };
  return analysis;
}

/** Printable ASCII, TAB, LF and CR only: the bulk of what pages send. */
const PLAIN_ASCII = /^[\t\n\r\x20-\x7e]*$/;
/** Longer strings take the full pass, which hands long runs to native code anyway. */
const PLAIN_CHECK_MAX = 4096;

/**
 * True when `analyzeOutgoingText(text)` would find nothing and count one
 * UTF-8 byte per code unit: short text of printable ASCII, TAB, LF and CR
 * that does not start with a file signature. One regex test, no allocation:
 * the hook writes such frames without the full analysis.
 */
export function isPlainText(text: string): boolean {
  return text.length <= PLAIN_CHECK_MAX && PLAIN_ASCII.test(text) && magicNumber(text) === null;
}
