// The panel's store: records in, state out. It knows nothing of ports or
// browsers (STYLE.md: transport-agnostic), so the same store runs inside the
// extension, in a test page, and in unit tests.

import type { Finding } from '../../core/types';
import type { DocumentSource, DropCounts } from '../../protocol/envelope';
import type { PageRecord } from '../../protocol/records';
import type { Connection, DocumentEntry, FindingEntry, NavigationMarker, PanelState } from './model';

export interface RecordsMessage {
  source: DocumentSource;
  records: PageRecord[];
  /**
   * Live, from the relay: how many messages from the page failed its guard
   * (a running total). Records this panel never received are not reported
   * by anyone: the store counts them itself, as gaps in the document's
   * sequence numbers (the relay's history shed them before a panel attached).
   */
  rejected?: number;
  /**
   * Records of this message that failed the panel's own check (the relay
   * forwards batches unparsed): added up per document, on top of `rejected`.
   */
  rejectedHere?: number;
  /** Imported from a saved session: the counts as saved, taken as they are. */
  dropped?: DropCounts;
}

export interface ConnectionStoreOptions {
  /** Keep older documents' connections when a new top document appears (default true). */
  preserveLog?: boolean;
}

export interface ConnectionStore {
  applyRecords(message: RecordsMessage): void;
  /**
   * A top document the panel knows came back from the back/forward cache:
   * a navigation no record shows. It gets a marker, and without "preserve
   * log" the other documents' connections go, as for any new page.
   */
  applyRestored(source: DocumentSource, time: number): void;
  /** Per-document resume cursors: replay must start after these. */
  cursors(): Record<string, number>;
  clear(): void;
  /** Stop applying records; they are counted (state.notRecorded) and never replayed. */
  pause(): void;
  resume(): void;
  setPreserveLog(preserve: boolean): void;
  getState(): PanelState;
  subscribe(listener: (state: PanelState) => void): () => void;
}

export function createConnectionStore(options: ConnectionStoreOptions = {}): ConnectionStore {
  const connections = new Map<string, Connection>();
  const documents = new Map<string, DocumentEntry>();
  /** Per document: the relay's running count of rejected messages, and the records this panel rejected itself. */
  const rejectedCounts = new Map<string, { relay: number; here: number }>();
  const markers: NavigationMarker[] = [];
  const findings: FindingEntry[] = [];
  const listeners = new Set<(state: PanelState) => void>();
  let version = 0;
  let paused = false;
  let notRecorded = 0;
  let preserveLog = options.preserveLog ?? true;
  let state = snapshot();

  function snapshot(): PanelState {
    return { connections: [...connections.values()], documents, markers, findings, version, paused, notRecorded, preserveLog };
  }

  function changed(): void {
    version++;
    state = snapshot();
    for (const listener of listeners) listener(state);
  }

  function documentFor(source: DocumentSource, firstTime: number): DocumentEntry {
    let entry = documents.get(source.docId);
    if (!entry) {
      entry = { source, lastSeq: 0, dropped: { overflow: 0, rejected: 0 } };
      documents.set(source.docId, entry);
      if (source.isTop) {
        if (!preserveLog && markers.length > 0) dropOtherDocuments(source.docId);
        markers.push({ time: firstTime, url: source.frameUrl });
      }
    }
    return entry;
  }

  /** A new top document without "preserve log": forget what older documents showed. */
  function dropOtherDocuments(docId: string): void {
    for (const [key, connection] of connections) {
      if (connection.source.docId !== docId) connections.delete(key);
    }
    const kept = findings.filter((f) => connections.has(f.connectionKey));
    findings.splice(0, findings.length, ...kept);
    markers.length = 0;
  }

  function apply(source: DocumentSource, record: PageRecord): void {
    const key = `${source.docId}:${record.socket}`;
    if (record.type === 'created') {
      connections.set(key, {
        key,
        source,
        socket: record.socket,
        url: record.url,
        protocols: record.protocols,
        createdStack: record.stack,
        createdAt: record.time,
        state: 'connecting',
        protocol: '',
        extensions: '',
        openedAt: null,
        errorAt: null,
        closeRequests: [],
        close: null,
        timeline: [record],
        findings: [],
        sent: { frames: 0, bytes: 0 },
        received: { frames: 0, bytes: 0 },
      });
      return;
    }
    const connection = connections.get(key);
    // A socket whose `created` record was shed or never seen: nothing to attach to.
    if (!connection) return;
    connection.timeline.push(record);
    switch (record.type) {
      case 'open':
        connection.state = 'open';
        connection.openedAt = record.time;
        connection.protocol = record.protocol;
        connection.extensions = record.extensions;
        break;
      case 'sent':
        if (record.thrown === null) {
          connection.sent.frames++;
          connection.sent.bytes += record.size;
        }
        addFindings(connection, record);
        break;
      case 'received':
        connection.received.frames++;
        connection.received.bytes += record.size;
        break;
      case 'error':
        connection.errorAt = record.time;
        break;
      case 'close-requested':
        connection.closeRequests.push(record);
        if (record.verdict.ok && connection.state !== 'closed') connection.state = 'closing';
        addFindings(connection, record);
        break;
      case 'closed':
        connection.state = 'closed';
        connection.close = { code: record.code, reason: record.reason, wasClean: record.wasClean, time: record.time };
        break;
    }
  }

  function addFindings(connection: Connection, record: { seq: number; time: number; findings: Finding[] }): void {
    for (const finding of record.findings) {
      const entry: FindingEntry = { ...finding, connectionKey: connection.key, seq: record.seq, time: record.time };
      connection.findings.push(entry);
      findings.push(entry);
    }
  }

  return {
    applyRecords({ source, records, rejected: relayRejected, rejectedHere = 0, dropped }) {
      // A relay's message always carries its running `rejected` count, even with no
      // records: it is how a document without sockets becomes known (its navigation
      // marker, and without preserve log the older documents' connections go).
      if (records.length === 0 && !dropped && relayRejected === undefined && rejectedHere === 0) return;
      const doc = documentFor(source, records[0]?.time ?? Date.now());
      let counts = rejectedCounts.get(source.docId);
      if (!counts) rejectedCounts.set(source.docId, (counts = { relay: 0, here: 0 }));
      if (relayRejected !== undefined) counts.relay = relayRejected;
      counts.here += rejectedHere;
      const rejected = relayRejected === undefined && rejectedHere === 0 ? undefined : counts.relay + counts.here;
      let missed = 0;
      for (const record of records) {
        // Replays after a reconnect may repeat what we hold: apply each seq once.
        if (record.seq <= doc.lastSeq) continue;
        // The hook numbers a document's records 1, 2, 3…: a jump is records that never reached us.
        if (!dropped) missed += record.seq - doc.lastSeq - 1;
        doc.lastSeq = record.seq;
        // Paused records advance the cursor too: they must not come back on a replay.
        if (paused) notRecorded++;
        else apply(doc.source, record);
      }
      if (dropped) doc.dropped = { ...dropped };
      else if (missed > 0 || (rejected !== undefined && rejected !== doc.dropped.rejected)) {
        doc.dropped = { overflow: doc.dropped.overflow + missed, rejected: rejected ?? doc.dropped.rejected };
      }
      changed();
    },
    applyRestored(source, time) {
      const known = documents.has(source.docId);
      documentFor(source, time);
      if (known && source.isTop) {
        if (!preserveLog) dropOtherDocuments(source.docId);
        markers.push({ time, url: source.frameUrl });
      }
      changed();
    },
    cursors() {
      const result: Record<string, number> = {};
      for (const [docId, entry] of documents) result[docId] = entry.lastSeq;
      return result;
    },
    clear() {
      // Keep the cursors: cleared records must not come back on the next replay.
      connections.clear();
      markers.length = 0;
      findings.length = 0;
      notRecorded = 0;
      changed();
    },
    pause() {
      if (paused) return;
      paused = true;
      changed();
    },
    resume() {
      if (!paused) return;
      paused = false;
      changed();
    },
    setPreserveLog(preserve) {
      if (preserveLog === preserve) return;
      preserveLog = preserve;
      changed();
    },
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
