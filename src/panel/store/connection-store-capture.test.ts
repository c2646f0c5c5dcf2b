import { describe, expect, it } from 'vitest';
import type { DocumentSource } from '../../protocol/envelope';
import type { PageRecord } from '../../protocol/records';
import { createConnectionStore } from './connection-store';

const docA: DocumentSource = { docId: 'doc-a', frameUrl: 'http://127.0.0.1/a', isTop: true };
const docB: DocumentSource = { docId: 'doc-b', frameUrl: 'http://127.0.0.1/b', isTop: true };
const created = (seq: number, socket = 1): PageRecord => ({
  type: 'created', seq, time: seq, socket, url: `ws://127.0.0.1/${socket}`, protocols: [], frameUrl: '', stack: '',
});
const sent = (seq: number): PageRecord => ({
  type: 'sent', seq, time: seq, socket: 1, kind: 'text', size: 1, preview: 'a', truncated: false, readyState: 1, bufferedAmount: 0, thrown: null,
  findings: [{ kind: 'nul', severity: 'warning', message: { en: 'e', ja: 'j' }, index: 0 }],
});

describe('connection store: pause, preserve log', () => {
  it('counts records while paused, never applies or replays them, and resumes', () => {
    const store = createConnectionStore();
    store.applyRecords({ source: docA, records: [created(1)] });
    store.pause();
    store.applyRecords({ source: docA, records: [sent(2), sent(3)] });
    expect(store.getState()).toMatchObject({ paused: true, notRecorded: 2 });
    expect(store.getState().connections[0]!.timeline).toHaveLength(1);
    expect(store.cursors()).toEqual({ 'doc-a': 3 });
    store.resume();
    store.applyRecords({ source: docA, records: [sent(3), sent(4)] });
    expect(store.getState().connections[0]!.timeline.map((r) => r.seq)).toEqual([1, 4]);
    expect(store.getState().paused).toBe(false);
    store.clear();
    expect(store.getState().notRecorded).toBe(0);
  });

  it('keeps older documents by default, and drops them on a new top document without preserve log', () => {
    const kept = createConnectionStore();
    kept.applyRecords({ source: docA, records: [created(1), sent(2)] });
    kept.applyRecords({ source: docB, records: [created(1)] });
    expect(kept.getState().connections).toHaveLength(2);

    const dropped = createConnectionStore({ preserveLog: false });
    dropped.applyRecords({ source: docA, records: [created(1), sent(2)] });
    dropped.applyRecords({ source: docB, records: [created(1)] });
    const state = dropped.getState();
    expect(state.connections.map((c) => c.key)).toEqual(['doc-b:1']);
    expect(state.findings).toHaveLength(0);
    expect(state.markers.map((m) => m.url)).toEqual([docB.frameUrl]);
    expect(dropped.cursors()).toEqual({ 'doc-a': 2, 'doc-b': 1 });
  });

  it('notifies on setPreserveLog, only when it changes', () => {
    const store = createConnectionStore();
    const seen: boolean[] = [];
    store.subscribe((s) => seen.push(s.preserveLog));
    store.setPreserveLog(true);
    store.setPreserveLog(false);
    expect(seen).toEqual([false]);
  });
});

describe('connection store: what the panel missed', () => {
  it('counts gaps in a document\'s sequence numbers as records it never received, once', () => {
    const store = createConnectionStore();
    // A panel opened late: the relay's history kept the lifecycle and the newest frames.
    store.applyRecords({ source: docA, records: [created(1), sent(7), sent(8)], rejected: 0 });
    expect(store.getState().documents.get('doc-a')!.dropped).toEqual({ overflow: 5, rejected: 0 });
    // A replay after a reconnect repeats what the panel holds: nothing more is missing.
    store.applyRecords({ source: docA, records: [sent(7), sent(8), sent(9)], rejected: 2 });
    expect(store.getState().documents.get('doc-a')!.dropped).toEqual({ overflow: 5, rejected: 2 });
    // Streamed while attached: consecutive, nothing counted.
    store.applyRecords({ source: docA, records: [sent(10), sent(11)], rejected: 2 });
    expect(store.getState().documents.get('doc-a')!.dropped).toEqual({ overflow: 5, rejected: 2 });
  });

  it('takes an imported document\'s saved counts as they are, gaps included', () => {
    const store = createConnectionStore();
    store.applyRecords({ source: docB, records: [created(1), sent(40)], dropped: { overflow: 38, rejected: 1 } });
    expect(store.getState().documents.get('doc-b')!.dropped).toEqual({ overflow: 38, rejected: 1 });
  });
});

describe('connection store: a page back from the back/forward cache', () => {
  it('is a navigation: a marker, and without preserve log the other documents go', () => {
    for (const preserveLog of [true, false]) {
      const store = createConnectionStore({ preserveLog });
      store.applyRecords({ source: docA, records: [created(1)], rejected: 0 });
      store.applyRecords({ source: docB, records: [created(1)], rejected: 0 });
      store.applyRestored(docA, 500);
      const state = store.getState();
      expect(state.markers.map((m) => m.url)).toEqual(preserveLog ? [docA.frameUrl, docB.frameUrl, docA.frameUrl] : [docA.frameUrl]);
      // Without preserve log doc-a's own connection went when doc-b came, and doc-b's goes now.
      expect(state.connections.map((c) => c.source.docId)).toEqual(preserveLog ? ['doc-a', 'doc-b'] : []);
    }
  });

  it('adds nothing for a frame, or for a document it never saw beyond its first marker', () => {
    const store = createConnectionStore({ preserveLog: false });
    store.applyRecords({ source: docA, records: [created(1)], rejected: 0 });
    store.applyRestored({ ...docB, isTop: false }, 10);
    expect(store.getState().markers).toHaveLength(1);
    store.applyRestored(docB, 20);
    expect(store.getState().markers.map((m) => m.url)).toEqual([docB.frameUrl]);
  });
});
