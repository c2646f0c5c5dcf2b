// Every close code that has its own entry: the codes of RFC 6455 §7.4.1 and
// the IANA WebSocket Close Code Number Registry, with the registry name, how
// alarming a close with it is, and the explanation in every shipped language.
// Codes without an entry get range-level text (close-code-generic-text.ts).

import type { CloseCodeInfo, CloseCodeText, KnownCloseCode, Locale } from './types';
import { CLOSE_CODE_TEXT_EN } from './close-code-text-en';
import { CLOSE_CODE_TEXT_JA } from './close-code-text-ja';

export interface CloseCodeEntry {
  code: number;
  /** Name exactly as in the IANA registry. */
  name: string;
  severity: CloseCodeInfo['severity'];
  source: string;
  text: Readonly<Record<Locale, CloseCodeText>>;
}

const RFC_AND_IANA =
  'RFC 6455 §7.4.1 (https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1); ' +
  'IANA WebSocket Close Code Number Registry (https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number)';
const IANA = 'IANA WebSocket Close Code Number Registry (https://www.iana.org/assignments/websocket/websocket.xhtml#close-code-number)';
const IANA_3XXX = `${IANA}; 3000–3999 are registered first come, first served (RFC 6455 §7.4.2, §11.7)`;

/** [code, IANA name, severity, source] */
type FactRow = readonly [KnownCloseCode, string, CloseCodeInfo['severity'], string];

const FACTS: readonly FactRow[] = [
  [1000, 'Normal Closure', 'ok', RFC_AND_IANA],
  // A page never sees its own navigation-time 1001; one it sees means the server is leaving.
  [1001, 'Going Away', 'warning', RFC_AND_IANA],
  [1002, 'Protocol error', 'error', RFC_AND_IANA],
  [1003, 'Unsupported Data', 'error', RFC_AND_IANA],
  [1004, 'Reserved', 'error', RFC_AND_IANA],
  [1005, 'No Status Rcvd', 'warning', RFC_AND_IANA],
  [1006, 'Abnormal Closure', 'error', RFC_AND_IANA],
  [1007, 'Invalid frame payload data', 'error', RFC_AND_IANA],
  [1008, 'Policy Violation', 'error', RFC_AND_IANA],
  [1009, 'Message Too Big', 'error', RFC_AND_IANA],
  [1010, 'Mandatory Ext.', 'error', RFC_AND_IANA],
  [1011, 'Internal Error', 'error', RFC_AND_IANA],
  [1012, 'Service Restart', 'warning', `${IANA}; registered after RFC 6455 (hybi list msg09670)`],
  [1013, 'Try Again Later', 'warning', `${IANA}; registered after RFC 6455 (hybi list msg09670)`],
  [1014, 'Bad Gateway', 'error', `${IANA}; registered after RFC 6455 (hybi list msg10748)`],
  [1015, 'TLS handshake', 'error', RFC_AND_IANA],
  [3000, 'Unauthorized', 'error', IANA_3XXX],
  [3003, 'Forbidden', 'error', IANA_3XXX],
  [3008, 'Timeout', 'warning', IANA_3XXX],
];

const REGISTRY: ReadonlyMap<number, CloseCodeEntry> = new Map(
  FACTS.map(([code, name, severity, source]) => [
    code,
    {
      code,
      name,
      severity,
      source,
      text: { en: CLOSE_CODE_TEXT_EN[code], ja: CLOSE_CODE_TEXT_JA[code] },
    },
  ]),
);

/** The entry of a code that has its own, or undefined (ranges, invalid numbers). */
export function getCloseCodeEntry(code: number): CloseCodeEntry | undefined {
  return REGISTRY.get(code);
}

/** Every code that has its own entry, ascending; the panel's reference view lists these. */
export function listCloseCodes(): number[] {
  return [...REGISTRY.keys()].sort((a, b) => a - b);
}
