// Imports a HAR log: Chrome's own exports (Network panel "Export HAR", or
// devtools.network.getHAR) and ours. Each WebSocket entry becomes a
// connection: from our `_wsci` extras when present (lossless), else
// synthesized from what Chrome recorded (har-synthesize.ts). Chrome's error
// texts and handshake status become the connection's network evidence.

import { LIMITS, readPageRecord } from '../../protocol/guard';
import type { DocumentSource } from '../../protocol/envelope';
import type { PageRecord } from '../../protocol/records';
import { DEFAULT_CAPTURE_SETTINGS } from '../../protocol/settings';
import { readHarWebSocketEntry, isWebSocketHarEntry } from '../network/har-entry';
import { evidenceFromEntry } from '../network/har-evidence';
import { parseImportText, type ImportFailure, type ImportResult } from './import-types';
import { synthesizeRecords } from './har-synthesize';
import { harDocId, harOwnDocId } from './imported-documents';
import { readWsciEntry } from './wsci-entry';

export interface HarImportOptions {
  /** n in the synthetic document id 'har:<n>': distinct per imported file. Default 1. */
  index?: number;
  /** Characters of each imported frame kept as a preview (binary: two per byte). */
  previewChars?: number;
}

type Obj = Record<string, unknown>;

interface DocumentBucket {
  source: DocumentSource;
  records: PageRecord[];
  seq: number;
}

function asObj(value: unknown): Obj | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : null;
}

/** `{log: {entries}}` as in a .har file, or the bare log getHAR() hands over. */
function harLog(value: unknown): Obj | null {
  const root = asObj(value);
  const log = asObj(root?.log) ?? root;
  return log && Array.isArray(log.entries) ? log : null;
}

function pageTitles(log: Obj): Map<string, string> {
  const titles = new Map<string, string>();
  for (const item of Array.isArray(log.pages) ? log.pages : []) {
    const page = asObj(item);
    if (page && typeof page.id === 'string' && typeof page.title === 'string') {
      titles.set(page.id, page.title.slice(0, LIMITS.url));
    }
  }
  return titles;
}

export function importHarValue(value: unknown, options: HarImportOptions = {}): ImportResult | ImportFailure {
  const log = harLog(value);
  if (!log) return { error: 'unknown-format' };
  const n = options.index ?? 1;
  const previewChars = Math.max(0, Math.min(LIMITS.preview, options.previewChars ?? DEFAULT_CAPTURE_SETTINGS.previewChars));
  const titles = pageTitles(log);
  const rawEntries = (log.entries as unknown[]).filter(isWebSocketHarEntry);
  if (rawEntries.length === 0) return { error: 'no-websockets' };

  const result: ImportResult = { kind: 'har', messages: [], rejected: 0, network: new Map() };
  const buckets = new Map<string, DocumentBucket>();
  const bucket = (source: DocumentSource): DocumentBucket => {
    let b = buckets.get(source.docId);
    if (!b) buckets.set(source.docId, (b = { source, records: [], seq: 0 }));
    return b;
  };
  const firstOrigin = readHarWebSocketEntry(rawEntries[0])?.requestHeaders.Origin ?? '';
  const plainSource: DocumentSource = {
    docId: harDocId(n),
    frameUrl: (titles.values().next().value ?? firstOrigin).slice(0, LIMITS.url),
    isTop: true,
  };
  let plainSocket = 0;

  for (const raw of rawEntries) {
    const ours = readWsciEntry(raw);
    if (ours) {
      const source = { docId: harOwnDocId(n, ours.source.docId), frameUrl: ours.source.frameUrl, isTop: ours.source.isTop };
      const doc = bucket(source);
      for (const record of ours.records) doc.records.push(record);
      result.rejected += ours.rejected;
      if (ours.network) result.network.set(`${source.docId}:${ours.socket}`, ours.network);
      continue;
    }
    const entry = readHarWebSocketEntry(raw);
    if (!entry) {
      result.rejected++;
      continue;
    }
    result.rejected += entry.invalidMessages;
    const doc = bucket(plainSource);
    const socket = ++plainSocket;
    synthesizeRecords(entry, {
      socket,
      frameUrl: (entry.pageref !== null ? titles.get(entry.pageref) : undefined) ?? plainSource.frameUrl,
      previewChars,
      nextSeq: () => ++doc.seq,
      push: (record) => {
        const checked = readPageRecord(record);
        if (checked) doc.records.push(checked);
        else result.rejected++;
      },
      reject: () => result.rejected++,
    });
    result.network.set(`${plainSource.docId}:${socket}`, evidenceFromEntry(entry));
  }
  for (const { source, records } of buckets.values()) {
    records.sort((a, b) => a.seq - b.seq);
    result.messages.push({ source, records });
  }
  return result;
}

/** Reads a HAR file's WebSocket entries; see importHarValue. */
export function importHar(text: string, options: HarImportOptions = {}): ImportResult | ImportFailure {
  const parsed = parseImportText(text);
  return 'error' in parsed ? parsed : importHarValue(parsed.value, options);
}
