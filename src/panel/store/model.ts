// Panel state shapes: what the views read. Built only by connection-store.ts.

import type { Finding } from '../../core/types';
import type { DocumentSource, DropCounts } from '../../protocol/envelope';
import type { PageRecord, PageRecordOf } from '../../protocol/records';

export type ConnectionState = 'connecting' | 'open' | 'closing' | 'closed';

export interface CloseOutcome {
  code: number;
  reason: string;
  wasClean: boolean;
  time: number;
}

export interface FindingEntry extends Finding {
  connectionKey: string;
  /** seq of the record that carries the finding (a send or a close request). */
  seq: number;
  time: number;
}

export interface Connection {
  /** `${docId}:${socket}`: unique across the tab's documents. */
  key: string;
  source: DocumentSource;
  socket: number;
  url: string;
  protocols: string[];
  createdStack: string;
  createdAt: number;
  state: ConnectionState;
  protocol: string;
  extensions: string;
  openedAt: number | null;
  errorAt: number | null;
  closeRequests: PageRecordOf<'close-requested'>[];
  close: CloseOutcome | null;
  /** Every record of this socket, in arrival order. */
  timeline: PageRecord[];
  findings: FindingEntry[];
  sent: { frames: number; bytes: number };
  received: { frames: number; bytes: number };
}

export interface DocumentEntry {
  source: DocumentSource;
  /** Highest seq applied: the resume cursor for this document. */
  lastSeq: number;
  dropped: DropCounts;
}

export interface NavigationMarker {
  time: number;
  url: string;
}

export interface PanelState {
  connections: Connection[];
  documents: Map<string, DocumentEntry>;
  markers: NavigationMarker[];
  findings: FindingEntry[];
  /** Bumped on every change, so views can memoise cheaply. */
  version: number;
  /** Capture paused: incoming records are counted, not applied. */
  paused: boolean;
  /** Records ignored while paused (since the last clear). */
  notRecorded: number;
  /** When false, a new top-level document clears older documents' connections. */
  preserveLog: boolean;
}
