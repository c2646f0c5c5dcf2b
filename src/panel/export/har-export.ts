// Exports the connections as a HAR 1.2 log that Chrome's Network panel and
// other HAR tools open: one `websocket` entry per connection, with Chrome's
// `_webSocketMessages` for the frames, and our own `_wsci` extras (close,
// findings, sizes, truncation, the lifecycle records) so that importing the
// file back here loses nothing but sub-millisecond frame times in other tools.

import type { PageRecord, PageRecordOf } from '../../protocol/records';
import type { NetworkEvidence } from '../network/types';
import type { Connection, PanelState } from '../store/model';
import { hexToBase64 } from './frame-data';
import type { HarEntryOut, HarLogOut, HarNameValue, HarPageOut, HarWebSocketMessageOut, WsciFrameExtras } from './har-types';

export const HAR_CREATOR_NAME = 'WebSocket Close Inspector';

export interface HarExportOptions {
  /** Chrome network-log evidence per connection key (status, headers, the browser's error texts). */
  network?: ReadonlyMap<string, NetworkEvidence>;
  /** The extension's version, for `log.creator`. */
  creatorVersion?: string;
}

type Frame = PageRecordOf<'sent'> | PageRecordOf<'received'>;

/** A frame that reached the network: received, or sent while OPEN without throwing. */
function onWire(record: PageRecord): record is Frame {
  if (record.type === 'received') return true;
  return record.type === 'sent' && record.thrown === null && record.readyState === 1;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function frameMessage(record: Frame): HarWebSocketMessageOut {
  const text = record.kind === 'text';
  return {
    type: record.type === 'sent' ? 'send' : 'receive',
    time: record.time / 1000,
    opcode: text ? 1 : 2,
    data: text ? record.preview : hexToBase64(record.preview),
  };
}

function frameExtras(record: Frame): WsciFrameExtras {
  const extras: WsciFrameExtras = { seq: record.seq, time: record.time, kind: record.kind, size: record.size, truncated: record.truncated };
  if (record.type === 'sent') {
    extras.readyState = record.readyState;
    extras.bufferedAmount = record.bufferedAmount;
    extras.findings = record.findings;
  }
  return extras;
}

function headerList(known: Record<string, string>, evidence: Record<string, string> | undefined): HarNameValue[] {
  return Object.entries({ ...known, ...evidence }).map(([name, value]) => ({ name, value }));
}

function queryString(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function lastTime(connection: Connection): number {
  const last = connection.timeline[connection.timeline.length - 1];
  return Math.max(connection.createdAt, connection.close?.time ?? last?.time ?? connection.createdAt);
}

function entryFor(connection: Connection, evidence: NetworkEvidence | undefined, pageref: string): HarEntryOut {
  const messages: HarWebSocketMessageOut[] = [];
  const frames: Array<WsciFrameExtras | null> = [];
  const records: PageRecord[] = [];
  for (const record of connection.timeline) {
    if (onWire(record)) {
      messages.push(frameMessage(record));
      frames.push(frameExtras(record));
    } else {
      records.push(record);
    }
  }
  const end = lastTime(connection);
  for (const text of evidence?.errors ?? []) {
    messages.push({ type: 'error', time: (connection.errorAt ?? end) / 1000, opcode: -1, data: text });
    frames.push(null);
  }
  const opened = connection.openedAt !== null;
  const status = evidence?.status ?? (opened ? 101 : 0);
  const handshake = Math.max(0, (connection.openedAt ?? end) - connection.createdAt);
  const requestKnown: Record<string, string> = {};
  if (connection.protocols.length > 0) requestKnown['Sec-WebSocket-Protocol'] = connection.protocols.join(', ');
  const responseKnown: Record<string, string> = {};
  if (connection.protocol) responseKnown['Sec-WebSocket-Protocol'] = connection.protocol;
  if (connection.extensions) responseKnown['Sec-WebSocket-Extensions'] = connection.extensions;
  return {
    pageref,
    startedDateTime: iso(connection.createdAt),
    time: end - connection.createdAt,
    request: {
      method: 'GET',
      url: connection.url,
      httpVersion: 'HTTP/1.1',
      headers: headerList(requestKnown, evidence?.requestHeaders),
      queryString: queryString(connection.url),
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: evidence?.statusText ?? (status === 101 ? 'Switching Protocols' : ''),
      httpVersion: 'HTTP/1.1',
      headers: headerList(opened ? responseKnown : {}, evidence?.responseHeaders),
      cookies: [],
      content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: handshake, receive: Math.max(0, end - connection.createdAt - handshake) },
    _resourceType: 'websocket',
    _webSocketMessages: messages,
    _wsci: {
      version: 1,
      source: connection.source,
      socket: connection.socket,
      records,
      frames,
      network: evidence ?? null,
      close: connection.close,
      findings: connection.findings.map(({ kind, severity, message, index, seq }) => ({ kind, severity, message, index, seq })),
    },
  };
}

export function buildHar(state: PanelState, options: HarExportOptions = {}): HarLogOut {
  const pages: HarPageOut[] = [];
  const pageIds = new Map<string, string>();
  const entries: HarEntryOut[] = [];
  for (const connection of state.connections) {
    let pageref = pageIds.get(connection.source.docId);
    if (!pageref) {
      pageref = `page_${pages.length + 1}`;
      pageIds.set(connection.source.docId, pageref);
      pages.push({
        startedDateTime: iso(connection.createdAt),
        id: pageref,
        title: connection.source.frameUrl,
        pageTimings: { onContentLoad: -1, onLoad: -1 },
      });
    }
    entries.push(entryFor(connection, options.network?.get(connection.key), pageref));
  }
  return {
    log: { version: '1.2', creator: { name: HAR_CREATOR_NAME, version: options.creatorVersion ?? 'dev' }, pages, entries },
  };
}

export function exportHar(state: PanelState, options: HarExportOptions = {}): string {
  // Compact: a session of 100,000 frames is large enough without indentation.
  return JSON.stringify(buildHar(state, options));
}
