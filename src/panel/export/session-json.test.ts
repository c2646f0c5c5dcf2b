import { describe, expect, it } from 'vitest';
import type { NetworkEvidence } from '../network/types';
import type { PanelState } from '../store/model';
import { CHILD, SAMPLE_MESSAGES, sampleStore, storeFrom, TOP } from './fixtures/sample-session';
import { isImportFailure, type ImportResult } from './import-types';
import { buildSession, exportSession, importSession } from './session-json';

function imported(text: string, prefix?: string): ImportResult {
  const result = importSession(text, prefix === undefined ? {} : { docIdPrefix: prefix });
  if (isImportFailure(result)) throw new Error(result.error);
  return result;
}

/** What a view reads, without the version counter. */
function comparable(state: PanelState) {
  return { connections: state.connections, findings: state.findings, documents: [...state.documents.values()] };
}

const refused: NetworkEvidence = {
  source: 'har',
  status: 0,
  errors: ['Error during WebSocket handshake: Unexpected response code: 403'],
  requestHeaders: { Origin: 'http://127.0.0.1:8080', 'Sec-WebSocket-Version': '13' },
  frames: 0,
};

describe('session JSON', () => {
  it('round-trips: export, import into a fresh store, identical state', () => {
    const original = sampleStore();
    const result = imported(exportSession(original.getState()));
    expect(result.rejected).toBe(0);
    const copy = storeFrom(result.messages);
    expect(comparable(copy.getState())).toEqual(comparable(original.getState()));
    // The parts the close card and the warnings read, spelled out.
    const closes = (s: PanelState) => s.connections.map((c) => [c.key, c.close, c.state, c.errorAt]);
    expect(closes(copy.getState())).toEqual([
      ['doc-top:1', { code: 1007, reason: 'invalid utf-8 in payload', wasClean: true, time: expect.any(Number) }, 'closed', null],
      ['doc-top:2', { code: 1000, reason: 'bye', wasClean: true, time: expect.any(Number) }, 'closed', null],
      ['doc-child:1', { code: 1006, reason: '', wasClean: false, time: expect.any(Number) }, 'closed', expect.any(Number)],
    ]);
    expect(copy.getState().findings.map((f) => [f.connectionKey, f.kind, f.seq])).toEqual([
      ['doc-top:1', 'send-while-connecting', 2],
      ['doc-top:1', 'lone-surrogate', 9],
    ]);
    expect(copy.cursors()).toEqual(original.cursors());
  });

  it('keeps lone surrogates of previews exactly (JSON escapes them)', () => {
    const text = exportSession(sampleStore().getState());
    const copy = storeFrom(imported(text).messages);
    const send = copy.getState().connections[0]!.timeline.find((r) => r.seq === 9);
    expect(send).toMatchObject({ type: 'sent', preview: 'a\ud800bcd\ud800' });
  });

  it('writes a versioned file with each document in seq order', () => {
    const file = buildSession(sampleStore().getState(), { now: new Date('2026-05-01T12:00:00Z') });
    expect(file).toMatchObject({ format: 'wsci-session', version: 1, exportedAt: '2026-05-01T12:00:00.000Z' });
    expect(file.documents.map((d) => [d.source.docId, d.lastSeq, d.dropped])).toEqual([
      ['doc-top', 14, { overflow: 12, rejected: 1 }],
      ['doc-child', 3, { overflow: 0, rejected: 0 }],
    ]);
    expect(file.documents[0]!.records.map((r) => r.seq)).toEqual(SAMPLE_MESSAGES[0]!.records.map((r) => r.seq));
  });

  it('carries network evidence for the exported connections only', () => {
    const network = new Map([['doc-child:1', refused], ['gone:9', refused]]);
    const text = exportSession(sampleStore().getState(), { network });
    expect(Object.keys(JSON.parse(text).network)).toEqual(['doc-child:1']);
    const result = imported(text, 'import:1:');
    expect([...result.network]).toEqual([['import:1:doc-child:1', refused]]);
  });

  it('re-keys documents with a prefix, so a cleared store takes the import again', () => {
    const store = sampleStore();
    const text = exportSession(store.getState());
    store.clear();
    for (const message of imported(text).messages) store.applyRecords(message);
    expect(store.getState().connections).toHaveLength(0);
    for (const message of imported(text, 'import:1:').messages) store.applyRecords(message);
    expect(store.getState().connections.map((c) => c.key)).toEqual(['import:1:doc-top:1', 'import:1:doc-top:2', 'import:1:doc-child:1']);
    expect(store.getState().connections[2]!.source).toEqual({ ...CHILD, docId: 'import:1:doc-child' });
    expect(store.getState().connections[0]!.source.frameUrl).toBe(TOP.frameUrl);
  });

  it('drops what fails the guard and counts it', () => {
    const file = JSON.parse(exportSession(sampleStore().getState()));
    file.documents[0].records[1].thrown = 42; // not a string or null
    file.documents[0].records.push({ type: 'closed', seq: 99, time: 1, socket: 1, code: 70000, reason: '', wasClean: true });
    file.documents[1].source = { docId: '', frameUrl: 'x', isTop: true };
    file.network = { 'doc-top:1': { source: 'har', status: 'nope', errors: [], frames: 0 } };
    // An own "__proto__" key, as JSON.parse makes it, must not reach the store.
    const text = JSON.stringify(file).replace('{"type":"open"', '{"__proto__":{"polluted":true},"type":"open"');
    const result = imported(text);
    expect(result.rejected).toBe(2 + 3 + 1);
    expect(result.messages.map((m) => m.source.docId)).toEqual(['doc-top']);
    expect(result.messages[0]!.records.every((r) => !('polluted' in r))).toBe(true);
    expect(result.network.size).toBe(0);
  });

  it('refuses what is not a session file', () => {
    expect(importSession('{')).toEqual({ error: 'not-json' });
    expect(importSession('{"log":{"entries":[]}}')).toEqual({ error: 'unknown-format' });
    expect(importSession('{"format":"wsci-session","version":2,"documents":[]}')).toEqual({ error: 'unsupported-version' });
    expect(importSession('null')).toEqual({ error: 'unknown-format' });
  });
});
