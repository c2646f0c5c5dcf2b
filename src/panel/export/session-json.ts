// Lossless export and import of the panel's state as JSON: every document's
// records, exactly as the page hook produced them, rebuilt from the
// connections' timelines. Importing feeds them back through the store, so the
// state is derived again, not trusted from the file.

import type { DocumentSource, DropCounts } from '../../protocol/envelope';
import { readPageRecord } from '../../protocol/guard';
import type { PageRecord } from '../../protocol/records';
import { readNetworkEvidence } from '../network/read-network-evidence';
import type { NetworkEvidence } from '../network/types';
import type { PanelState } from '../store/model';
import { parseImportText, type ImportFailure, type ImportResult } from './import-types';
import { readCount, readDocumentSource, readDropCounts } from './read-document';

export const SESSION_FORMAT = 'wsci-session';
export const SESSION_VERSION = 1;

export interface SessionDocument {
  source: DocumentSource;
  /** The store's resume cursor when exported (may exceed the last record kept). */
  lastSeq: number;
  dropped: DropCounts;
  /** In seq order. */
  records: PageRecord[];
}

export interface SessionFile {
  format: typeof SESSION_FORMAT;
  version: typeof SESSION_VERSION;
  exportedAt: string;
  documents: SessionDocument[];
  /** Chrome network-log evidence per connection key, when the panel had it. */
  network?: Record<string, NetworkEvidence>;
}

export interface SessionExportOptions {
  network?: ReadonlyMap<string, NetworkEvidence>;
  now?: Date;
}

export function buildSession(state: PanelState, options: SessionExportOptions = {}): SessionFile {
  const recordsByDoc = new Map<string, PageRecord[]>();
  for (const connection of state.connections) {
    const records = recordsByDoc.get(connection.source.docId) ?? [];
    records.push(...connection.timeline);
    recordsByDoc.set(connection.source.docId, records);
  }
  const documents: SessionDocument[] = [];
  for (const [docId, entry] of state.documents) {
    const records = (recordsByDoc.get(docId) ?? []).sort((a, b) => a.seq - b.seq);
    documents.push({ source: entry.source, lastSeq: entry.lastSeq, dropped: entry.dropped, records });
  }
  const file: SessionFile = {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    documents,
  };
  const keys = new Set(state.connections.map((c) => c.key));
  const network = [...(options.network ?? [])].filter(([key]) => keys.has(key));
  if (network.length > 0) file.network = Object.fromEntries(network);
  return file;
}

export function exportSession(state: PanelState, options: SessionExportOptions = {}): string {
  return JSON.stringify(buildSession(state, options));
}

export interface SessionImportOptions {
  /**
   * Put before every document id, e.g. 'import:1:'. Without one, a file
   * imported into a store that already saw (or cleared) the same documents
   * adds nothing: the store applies each seq of a document once.
   */
  docIdPrefix?: string;
}

type Obj = Record<string, unknown>;

function asObj(value: unknown): Obj | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : null;
}

/** Imports an already parsed session file; see importSession. */
export function importSessionValue(value: unknown, options: SessionImportOptions = {}): ImportResult | ImportFailure {
  const file = asObj(value);
  if (!file || file.format !== SESSION_FORMAT || !Array.isArray(file.documents)) return { error: 'unknown-format' };
  if (file.version !== SESSION_VERSION) return { error: 'unsupported-version' };
  const prefix = options.docIdPrefix ?? '';
  const result: ImportResult = { kind: 'session', messages: [], rejected: 0, network: new Map() };
  for (const item of file.documents) {
    const doc = asObj(item);
    const source = readDocumentSource(doc?.source);
    const rawRecords = Array.isArray(doc?.records) ? doc.records : null;
    if (!doc || !source || !rawRecords || readCount(doc.lastSeq) === null) {
      result.rejected += Array.isArray(doc?.records) ? Math.max(1, doc.records.length) : 1;
      continue;
    }
    const records: PageRecord[] = [];
    for (const raw of rawRecords) {
      const record = readPageRecord(raw);
      if (record) records.push(record);
      else result.rejected++;
    }
    records.sort((a, b) => a.seq - b.seq);
    const dropped = readDropCounts(doc.dropped);
    if (records.length === 0 && dropped.overflow === 0 && dropped.rejected === 0) continue;
    result.messages.push({ source: { ...source, docId: prefix + source.docId }, records, dropped });
  }
  for (const [key, raw] of Object.entries(asObj(file.network) ?? {})) {
    const evidence = readNetworkEvidence(raw);
    if (evidence) result.network.set(prefix + key, evidence);
    else result.rejected++;
  }
  return result;
}

/** Reads a file written by exportSession; every record passes the page-record guard. */
export function importSession(text: string, options: SessionImportOptions = {}): ImportResult | ImportFailure {
  const parsed = parseImportText(text);
  return 'error' in parsed ? parsed : importSessionValue(parsed.value, options);
}
