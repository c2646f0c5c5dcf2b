// Decodes the body of a Close frame (status code + UTF-8 reason) and says,
// with the RFC's words, everything that makes it illegal on the wire.

import type { ClosePayload } from './types';
import { decodeUtf8, validateUtf8 } from './utf8';

/** @see RFC 6455 §5.5: every control frame payload is at most 125 bytes. */
const MAX_CONTROL_PAYLOAD = 125;

/**
 * Why a status code must not appear in a Close frame, or null when it may.
 * "illegal" marks what RFC 6455 forbids outright; "not assigned" marks codes
 * the RFC reserves without a meaning, which strict receivers also reject.
 * @see RFC 6455 §7.4.1 (defined codes), §7.4.2 (ranges); IANA close code registry
 */
function wireCodeProblem(code: number): string | null {
  if (code < 1000) {
    return `Close code ${code} is illegal on the wire: 0–999 is not used (RFC 6455 §7.4.2). Strict receivers fail the connection with 1002; Chromium passes the code to the page unchanged.`;
  }
  if (code === 1004) {
    return 'Close code 1004 is not assigned: it is reserved, its meaning possibly defined in the future (RFC 6455 §7.4.1), so no endpoint may send it. Strict receivers (Autobahn 7.9.x, undici) fail the connection with 1002; Chromium passes it to the page.';
  }
  if (code === 1005 || code === 1006 || code === 1015) {
    return `Close code ${code} is illegal on the wire: it "MUST NOT be set as a status code in a Close control frame by an endpoint" (RFC 6455 §7.4.1); it only reports a missing code (1005), a dropped connection (1006) or a TLS failure (1015). Chromium fails the connection with 1002 ("reserved status code") and the page sees 1006.`;
  }
  if (code >= 1016 && code <= 2999) {
    return `Close code ${code} is not assigned: 1000–2999 is reserved for this protocol, its revisions and extensions with a public specification (RFC 6455 §7.4.2), and the IANA registry assigns only 1000–1015 there. Strict receivers (Autobahn 7.9.x, undici) fail the connection with 1002; Chromium passes it to the page.`;
  }
  if (code >= 5000) {
    return `Close code ${code} is illegal on the wire: it is above 4999, outside every range RFC 6455 §7.4.2 defines (private codes end at 4999).`;
  }
  return null;
}

/**
 * Decode a Close frame's application data: an optional 2-byte big-endian
 * status code followed by a UTF-8 reason. An empty payload is legal (the page
 * then reports 1005). Never throws; `reason` is decoded with replacement for
 * display, and `problems` lists, in English, every rule the payload breaks.
 *
 * @see RFC 6455 §5.5.1 (Close body), §7.4 (status codes), §8.1 (invalid UTF-8)
 */
export function decodeClosePayload(bytes: Uint8Array): ClosePayload {
  const problems: string[] = [];
  try {
    const n = bytes.length;
    if (n === 0) return { code: null, reason: '', problems };
    if (n > MAX_CONTROL_PAYLOAD) {
      problems.push(`The payload is ${n} bytes; a Close frame, like every control frame, may carry at most ${MAX_CONTROL_PAYLOAD} (RFC 6455 §5.5), so the reason may be at most 123 bytes. A receiver fails the connection with 1002.`);
    }
    if (n === 1) {
      problems.push('A 1-byte payload is a protocol error: a Close body, if present, must begin with a 2-byte status code (RFC 6455 §5.5.1). Chromium fails the connection with 1002 ("invalid size body") and the page sees 1006.');
      return { code: null, reason: '', problems };
    }
    const code = (bytes[0]! << 8) | bytes[1]!;
    const codeProblem = wireCodeProblem(code);
    if (codeProblem !== null) problems.push(codeProblem);
    const reasonBytes = bytes.subarray(2);
    const verdict = validateUtf8(reasonBytes);
    if (!verdict.valid) {
      const where =
        verdict.errorOffset === reasonBytes.length
          ? 'it ends inside a multi-byte sequence'
          : `first invalid byte 0x${reasonBytes[verdict.errorOffset]!.toString(16).padStart(2, '0').toUpperCase()} at reason offset ${verdict.errorOffset}, payload offset ${verdict.errorOffset + 2}`;
      problems.push(`The reason is not valid UTF-8 (${where}). RFC 6455 §5.5.1 requires UTF-8 and a receiver must fail the connection (§8.1): Chromium sends 1002 "Invalid UTF-8 in Close frame", Firefox 1007, and the page sees 1006.`);
    }
    return { code, reason: decodeUtf8(reasonBytes), problems };
  } catch {
    problems.push('The payload could not be read as bytes.');
    return { code: null, reason: '', problems };
  }
}
