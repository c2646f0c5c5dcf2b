// Reads our own `_wsci` extras back from a HAR entry this extension exported:
// the lifecycle records as they were, and each frame rebuilt from its
// `_webSocketMessages` item (the data) and its extras (size, kind, findings).
// Everything goes through the page-record guard.

import { readPageRecord } from '../../protocol/guard';
import type { DocumentSource } from '../../protocol/envelope';
import type { PageRecord } from '../../protocol/records';
import { readNetworkEvidence } from '../network/read-network-evidence';
import type { NetworkEvidence } from '../network/types';
import { base64ToHex } from './frame-data';
import { readCount, readDocumentSource } from './read-document';

type Obj = Record<string, unknown>;

export interface WsciEntry {
  source: DocumentSource;
  socket: number;
  records: PageRecord[];
  network: NetworkEvidence | null;
  rejected: number;
}

function asObj(value: unknown): Obj | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : null;
}

function frameRecord(message: Obj | null, extras: Obj, socket: number): PageRecord | null {
  if (!message || typeof message.data !== 'string') return null;
  const type = message.type === 'send' ? 'sent' : message.type === 'receive' ? 'received' : null;
  const preview = message.opcode === 1 ? message.data : message.opcode === 2 ? base64ToHex(message.data) : null;
  if (!type || preview === null) return null;
  const common = { type, seq: extras.seq, time: extras.time, socket, kind: extras.kind, size: extras.size, preview, truncated: extras.truncated };
  const record =
    type === 'sent'
      ? { ...common, readyState: extras.readyState, bufferedAmount: extras.bufferedAmount, thrown: null, findings: extras.findings }
      : common;
  return readPageRecord(record);
}

/** The entry's records when it carries valid `_wsci` extras; null when it has none (or unusable ones). */
export function readWsciEntry(entry: unknown): WsciEntry | null {
  const e = asObj(entry);
  const extras = asObj(e?._wsci);
  if (!e || !extras || extras.version !== 1) return null;
  const source = readDocumentSource(extras.source);
  const socket = readCount(extras.socket);
  const messages = Array.isArray(e._webSocketMessages) ? e._webSocketMessages : [];
  const frames = extras.frames;
  if (!source || socket === null || !Array.isArray(extras.records) || !Array.isArray(frames)) return null;
  if (frames.length !== messages.length) return null;
  const result: WsciEntry = { source, socket, records: [], network: null, rejected: 0 };
  const keep = (record: PageRecord | null) => {
    if (record && record.socket === socket) result.records.push(record);
    else result.rejected++;
  };
  for (const raw of extras.records) keep(readPageRecord(raw));
  frames.forEach((frame, i) => {
    const frameExtras = asObj(frame);
    // null marks an item that is not one of our frames (Chrome's error texts: see `network`).
    if (frame === null) return;
    keep(frameExtras ? frameRecord(asObj(messages[i]), frameExtras, socket) : null);
  });
  result.records.sort((a, b) => a.seq - b.seq);
  if (extras.network !== null && extras.network !== undefined) {
    result.network = readNetworkEvidence(extras.network);
    if (!result.network) result.rejected++;
  }
  return result;
}
