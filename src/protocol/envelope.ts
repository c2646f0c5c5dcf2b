// Envelopes for every border: page ⇄ relay (DOM events with JSON strings),
// relay ⇄ background and background ⇄ panel (runtime ports).

import type { PageRecord } from './records';
import { DEFAULT_CAPTURE_SETTINGS } from './settings';

/** Every envelope carries this tag and version (cf. React's BRIDGE_PROTOCOL). */
export const PROTOCOL_TAG = 'wsci';
export const PROTOCOL_VERSION = 1;

/**
 * The DOM event names the hook and relay talk over. Both worlds share the DOM;
 * the page never sees these unless it listens for these exact names, and
 * whatever it sends on them is checked by the guard.
 */
export const PAGE_TO_RELAY_EVENT = 'wsci:page-to-relay:v1';
export const RELAY_TO_PAGE_EVENT = 'wsci:relay-to-page:v1';

export interface HookSettings {
  /** Characters of each payload kept as a preview. */
  previewChars: number;
  /**
   * Whether a panel is attached to the relay. While none is, the hook holds
   * its records as noted (unwritten) and sends them when one attaches: a
   * page with DevTools closed pays for a record's note, not its JSON.
   */
  attached: boolean;
  /** The relay's history capacity: while no panel is attached the hook holds as many records (the newest, frames shed first). */
  historyRecords: number;
}

export const DEFAULT_HOOK_SETTINGS: HookSettings = {
  previewChars: DEFAULT_CAPTURE_SETTINGS.previewChars,
  attached: false,
  historyRecords: DEFAULT_CAPTURE_SETTINGS.bufferRecords,
};

/**
 * What a batch says of itself before its records (batch-text.ts): the seq of
 * its first and last record, how many it holds and how many of them are
 * lifecycle records. The relay keeps and forwards a batch by these alone,
 * unparsed; the panel checks every record.
 */
export interface BatchHeader {
  first: number;
  last: number;
  count: number;
  lifecycle: number;
}

/** Page → relay. */
export interface PageToRelayMap {
  hello: Record<string, never>;
  /** The hook writes the header; the guard ignores it (it is only the relay's bookkeeping). */
  batch: Partial<BatchHeader> & { records: PageRecord[] };
}

/** Relay → page. */
export interface RelayToPageMap {
  ready: { settings: HookSettings };
}

export type Envelope<M, K extends keyof M = keyof M> = K extends keyof M
  ? { tag: typeof PROTOCOL_TAG; v: typeof PROTOCOL_VERSION; type: K } & M[K]
  : never;

export function envelope<M, K extends keyof M>(type: K, body: M[K]): Envelope<M, K> {
  return { tag: PROTOCOL_TAG, v: PROTOCOL_VERSION, type, ...body } as unknown as Envelope<M, K>;
}

/** Where a document's records came from, as the relay (trusted) knows it. */
export interface DocumentSource {
  /** Random id of one document's relay; stable for the document's lifetime. */
  docId: string;
  frameUrl: string;
  isTop: boolean;
  /** Set by the background from the port's sender. */
  frameId?: number;
}

/** Relay → background → panel. */
export interface RelayToPanelMap {
  /**
   * `batches`: page messages (JSON text, PageToRelayMap['batch'] envelopes)
   * whose records the relay accepted, in order; the panel checks them again.
   * `rejected`: messages and records from the page that failed the relay's checks so far.
   */
  records: { source: DocumentSource; batches: string[]; rejected: number };
  /** The document came back from the back/forward cache at `time`: a navigation the records cannot show. */
  navigated: { source: DocumentSource; time: number };
}

/** What a panel knows it is missing of one document. */
export interface DropCounts {
  /**
   * Records the panel never received: gaps in the document's sequence numbers,
   * nearly always records the relay's history shed (it was full) before a
   * panel attached. Records streamed to an attached panel are never counted.
   */
  overflow: number;
  /** Messages from the page that failed the guard. */
  rejected: number;
}

/** Panel → background: attach to a tab and resume from what the panel holds. */
export interface PanelToBackgroundMap {
  attach: { tabId: number; cursors: Record<string, number> };
}

/** Background → relay (tabs.sendMessage to every frame). */
export interface BackgroundToRelayMap {
  replay: { cursors: Record<string, number> };
}

export const PANEL_PORT_NAME = 'wsci-panel';
export const RELAY_PORT_NAME = 'wsci-relay';
