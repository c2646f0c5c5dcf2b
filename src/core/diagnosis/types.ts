// Shapes of the close diagnosis: what goes in (a structural subset of the
// panel's Connection, so core never imports from panel) and what comes out
// (ranked causes, each pointing at records of the connection's own timeline).

import type { PageRecord, PageRecordOf } from '../../protocol/records';
import type { CloseCodeComparison, CloseCodeInfo, Locale } from '../types';

/** One record of a socket's timeline, exactly as the page hook produced it. */
export type TimelineRecord = PageRecord;
export type SentRecord = PageRecordOf<'sent'>;
export type ReceivedRecord = PageRecordOf<'received'>;
export type CloseRequestRecord = PageRecordOf<'close-requested'>;
export type ClosedRecord = PageRecordOf<'closed'>;

/** What the page's `close` event said. */
export interface CloseOutcomeInput {
  code: number;
  reason: string;
  wasClean: boolean;
  /** ms epoch float, as every record time. */
  time: number;
}

/**
 * What Chrome's DevTools network log (HAR entry of the socket) says, or why
 * there is nothing to say. `errors` are the `_webSocketMessages` entries of
 * type 'error': the browser's own words, e.g.
 * 'Error during WebSocket handshake: Unexpected response code: 403'.
 */
export type NetworkEvidence =
  | { source: 'har'; status: number; errors: readonly string[] }
  | { unavailable: string };

/** The connection as the diagnosis needs it. The panel's `Connection` satisfies it. */
export interface DiagnosisInput {
  url: string;
  /** Negotiated subprotocol (`WebSocket.protocol`), '' when none. */
  protocol: string;
  /** Subprotocols the page asked for. */
  protocols: readonly string[];
  createdAt: number;
  openedAt: number | null;
  errorAt: number | null;
  close: CloseOutcomeInput | null;
  closeRequests: readonly CloseRequestRecord[];
  /** Every record of this socket, in arrival order. */
  timeline: readonly TimelineRecord[];
  network?: NetworkEvidence;
}

export type DiagnosisBrowser = 'chrome' | 'firefox';

export interface DiagnosisOptions {
  locale?: Locale;
  /** The browser the panel runs in (a build-time constant); unknown = say what both do. */
  browser?: DiagnosisBrowser;
  /**
   * Accepted for API stability; unused. The diagnosis is a pure function of
   * its input: every "before the close" measure is taken from the close time.
   */
  now?: number;
}

/** Who ended the connection. */
export type Initiator = 'page' | 'server' | 'browser';

export interface Evidence {
  /** The record it points to, so the UI can link to it; null for evidence from outside the timeline (HAR). */
  seq: number | null;
  time: number | null;
  /** Localized, e.g. 'Sent text frame #12 contains 2 lone surrogates (first at index 5)'. */
  label: string;
  /** Verbatim text: the browser's error message, the close reason, a stack. */
  quote?: string;
}

export interface RankedCause {
  /** Stable rule id, e.g. '1007-lone-surrogate-sends'. */
  id: string;
  /** 0..1; see scores.ts for what each level means. */
  score: number;
  title: string;
  explanation: string;
  evidence: Evidence[];
}

export interface Diagnosis {
  code: number;
  info: CloseCodeInfo;
  initiator: Initiator;
  initiatorExplanation: string;
  wasClean: boolean;
  reason: string;
  /** UTF-8 byte length of the close reason. */
  reasonBytes: number;
  /** Highest score first; ties keep rule order. */
  causes: RankedCause[];
  /** 1007 vs 1008, for closes with either code. */
  comparison?: CloseCodeComparison;
}
