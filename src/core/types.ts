// Shared shapes of the pure core. No browser APIs in src/core/.

export type Locale = 'en' | 'ja';

/** Text in every language the extension ships. */
export interface LocalizedText {
  en: string;
  ja: string;
}

export type CloseCodeRange = 'unused' | 'protocol' | 'registered' | 'private' | 'invalid';

/** A meaning a library or service gives to a close code (mostly 4000–4999). */
export interface AppMeaning {
  library: string;
  meaning: string;
  /** true only when the context (subprotocol, host) shows this library is in use. */
  certain: boolean;
  /** What made it certain, e.g. 'subprotocol graphql-transport-ws'. */
  matchedBy?: string;
  reconnect?: boolean;
  source: string;
}

export interface CloseCodeContext {
  locale?: Locale;
  /** The negotiated subprotocol (`WebSocket.protocol`). */
  protocol?: string;
  /** The socket's URL, used to recognise a service by host. */
  url?: string;
}

/** Codes with their own entry: RFC 6455 §7.4.1 and the IANA registry. */
export type KnownCloseCode =
  | 1000 | 1001 | 1002 | 1003 | 1004 | 1005 | 1006 | 1007
  | 1008 | 1009 | 1010 | 1011 | 1012 | 1013 | 1014 | 1015
  | 3000 | 3003 | 3008;

/** The explanation of one close code in one language (see close-code-text-*.ts). */
export interface CloseCodeText {
  title: string;
  summary: string;
  whenYouSeeIt: string;
  likelyCauses: readonly string[];
  fixes: readonly string[];
}

export interface CloseCodeInfo {
  /** The number as given (may be NaN, negative, fractional). */
  code: number;
  /** RFC 6455 / IANA registry name, or a generic label. */
  name: string;
  /** A friendlier title, e.g. 'Invalid Payload Data' for 1007. */
  title: string;
  range: CloseCodeRange;
  summary: string;
  whenYouSeeIt: string;
  likelyCauses: string[];
  fixes: string[];
  /** false for 1005, 1006, 1015: they must never appear in a Close frame. */
  sentOnWire: boolean;
  /** true only for 1000 and 3000–4999: what `WebSocket.close()` accepts. */
  pageMayUse: boolean;
  appMeanings: AppMeaning[];
  /** 'ok' | 'warning' | 'error': how alarming a close with this code is. */
  severity: 'ok' | 'warning' | 'error';
  /** Where the facts come from (RFC section, IANA, library docs). */
  source: string;
}

export interface CloseCodeComparison {
  a: CloseCodeInfo;
  b: CloseCodeInfo;
  /** Key differences, one sentence each. */
  keyDifferences: string[];
  /** When a server should choose `a` over `b`. */
  whenToUseA: string;
  /** When a server should choose `b` over `a`. */
  whenToUseB: string;
  /** true when the pair has hand-written content (not a generic fallback). */
  curated: boolean;
}

export type FindingKind =
  | 'lone-surrogate'
  | 'binary-like'
  | 'nul'
  | 'control-char'
  | 'replacement-char'
  | 'send-while-connecting'
  | 'send-after-close'
  | 'invalid-close-code'
  | 'close-reason-too-long'
  | 'close-reason-lone-surrogate'
  | 'browser-difference';

export type FindingSeverity = 'error' | 'warning' | 'info';

export interface Finding {
  kind: FindingKind;
  severity: FindingSeverity;
  message: LocalizedText;
  /** UTF-16 index in the text the finding is about, when it has one. */
  index: number | null;
}

export interface TextFrameAnalysis {
  /** Exact byte count `send()` puts on the wire (a lone surrogate counts 3, as U+FFFD). */
  utf8Bytes: number;
  loneSurrogates: { count: number; firstIndex: number | null };
  replacementChars: number;
  /** C0 controls other than TAB, LF, CR (NUL excluded: see `nul`), plus DEL and C1. */
  controlChars: number;
  nul: number;
  binaryLike: { verdict: boolean; reason: string };
  findings: Finding[];
  /**
   * Present only when `controlChars` did not look at every code unit: in strings
   * longer than 64 Ki units, stretches proven pure ASCII natively get an exact NUL
   * count but only a sample for control characters. Every other field is exact.
   */
  controlCharsSample?: { checkedUnits: number; totalUnits: number };
}

export type Utf8Verdict = { valid: true } | { valid: false; errorOffset: number };

/**
 * What `WebSocket.close(code, reason)` throws. 'TypeError' is WebIDL's ToNumber /
 * ToString failing before close() runs at all: a Symbol or BigInt code, a Symbol
 * reason, or an object whose own valueOf/toString throws (the browser then
 * rethrows that exception itself; `message` says what it was).
 */
export type CloseArgumentsError = 'InvalidAccessError' | 'SyntaxError' | 'TypeError';

export type CloseArgumentsVerdict =
  | { ok: true; wireCode: number | null; reasonBytes: number; findings: Finding[] }
  | { ok: false; error: CloseArgumentsError; message: string; findings: Finding[] };

export interface ClosePayload {
  code: number | null;
  reason: string;
  problems: string[];
}
