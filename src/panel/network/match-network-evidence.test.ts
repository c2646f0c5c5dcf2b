import { describe, expect, it } from 'vitest';
import type { DiagnosisInput } from '../../core/diagnosis/types';
import { createConnectionStore } from '../store/connection-store';
import type { Connection } from '../store/model';
import { matchNetworkEvidence, normalizeSocketUrl } from './match-network-evidence';

const T0 = Date.parse('2026-05-01T10:00:00.000Z');
const source = { docId: 'doc-a', frameUrl: 'http://127.0.0.1:8080/', isTop: true };

/** Connections as the store builds them from the hook's `created` records. */
function connections(sockets: Array<[url: string, createdAt: number]>): Connection[] {
  const store = createConnectionStore();
  store.applyRecords({
    source,
    records: sockets.map(([url, time], i) => ({ type: 'created', seq: i + 1, time, socket: i + 1, url, protocols: [], frameUrl: source.frameUrl, stack: '' })),
  });
  return store.getState().connections;
}

/** A WebSocket entry as Chrome's devtools.network hands it over. */
function entry(url: string, started: number, over: { status?: number; messages?: unknown[]; requestHeaders?: unknown[] } = {}) {
  return {
    _resourceType: 'websocket',
    startedDateTime: new Date(started).toISOString(),
    time: 1200,
    request: {
      method: 'GET',
      url,
      httpVersion: 'HTTP/1.1',
      headers: over.requestHeaders ?? [
        { name: 'Origin', value: 'http://127.0.0.1:8080' },
        { name: 'Sec-WebSocket-Version', value: '13' },
        { name: 'Sec-WebSocket-Key', value: 'dGhlIHNhbXBsZSBub25jZQ==' },
      ],
    },
    response: {
      status: over.status ?? 101,
      statusText: (over.status ?? 101) === 101 ? 'Switching Protocols' : '',
      headers: [{ name: 'sec-websocket-accept', value: 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=' }],
      _error: null,
    },
    timings: { blocked: 0.3, send: 0, wait: 2.1, receive: 1197.6 },
    _webSocketMessages: over.messages ?? [
      { type: 'send', time: started / 1000 + 0.01, opcode: 1, data: 'hi' },
      { type: 'receive', time: started / 1000 + 0.02, opcode: 1, data: 'hi' },
    ],
  };
}

const ECHO = 'ws://127.0.0.1:8080/echo';
const REFUSED = 'ws://127.0.0.1:8080/refuse?status=403';

describe('matchNetworkEvidence', () => {
  it('pairs two sockets to the same URL by their start times', () => {
    const conns = connections([[ECHO, T0 + 0.4], [ECHO, T0 + 5000.7]]);
    const evidence = matchNetworkEvidence(conns, [
      entry(ECHO, T0 + 5002, { messages: [{ type: 'send', time: (T0 + 5100) / 1000, opcode: 1, data: 'second' }] }),
      entry(ECHO, T0 + 2),
    ]);
    expect(evidence.get('doc-a:1')).toMatchObject({ status: 101, frames: 2, errors: [] });
    expect(evidence.get('doc-a:2')).toMatchObject({ status: 101, frames: 1 });
    expect(evidence.get('doc-a:1')!.requestHeaders).toEqual({ Origin: 'http://127.0.0.1:8080', 'Sec-WebSocket-Version': '13' });
    expect(evidence.get('doc-a:1')!.responseHeaders).toEqual({ 'Sec-WebSocket-Accept': 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=' });
  });

  it("quotes a refused handshake's status 0 and the browser's error text", () => {
    const conns = connections([[ECHO, T0], [REFUSED, T0 + 100]]);
    const evidence = matchNetworkEvidence(conns, [
      entry(REFUSED, T0 + 103, {
        status: 0,
        messages: [{ type: 'error', time: (T0 + 109) / 1000, opcode: -1, data: 'Error during WebSocket handshake: Unexpected response code: 403' }],
      }),
    ]);
    expect(evidence.has('doc-a:1')).toBe(false);
    expect(evidence.get('doc-a:2')).toEqual({
      source: 'har',
      status: 0,
      errors: ['Error during WebSocket handshake: Unexpected response code: 403'],
      requestHeaders: { Origin: 'http://127.0.0.1:8080', 'Sec-WebSocket-Version': '13' },
      responseHeaders: { 'Sec-WebSocket-Accept': 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=' },
      frames: 0,
    });
  });

  it('keeps creation order when a constant clock offset makes crosswise pairs nearer (reconnect loop)', () => {
    // The browser's clock runs 600 ms ahead of the page's; sockets reconnect every second.
    const conns = connections([[ECHO, T0], [ECHO, T0 + 1000], [ECHO, T0 + 2000]]);
    const evidence = matchNetworkEvidence(conns, [
      entry(ECHO, T0 + 600, { status: 0 }),
      entry(ECHO, T0 + 1600, { status: 101 }),
      entry(ECHO, T0 + 2600, { status: 0 }),
    ]);
    expect([1, 2, 3].map((s) => evidence.get(`doc-a:${s}`)?.status)).toEqual([0, 101, 0]);
  });

  it('leaves a socket without an entry unmatched rather than shifting every pair', () => {
    // Socket 1 predates DevTools; an entry at +3000 belongs to a socket we never saw (a worker's).
    const conns = connections([[ECHO, T0], [ECHO, T0 + 1000], [ECHO, T0 + 2000]]);
    const evidence = matchNetworkEvidence(conns, [
      entry(ECHO, T0 + 1001, { status: 101 }),
      entry(ECHO, T0 + 2001, { status: 101 }),
      entry(ECHO, T0 + 3000, { status: 0 }),
    ]);
    expect([...evidence.keys()].sort()).toEqual(['doc-a:2', 'doc-a:3']);
    expect(evidence.get('doc-a:3')!.status).toBe(101);
  });

  it('needs the same URL and a start within the tolerance, one entry per socket', () => {
    const conns = connections([[ECHO, T0], [ECHO, T0 + 10]]);
    expect(matchNetworkEvidence(conns, [entry(ECHO, T0 + 2500)]).size).toBe(0);
    expect(matchNetworkEvidence(conns, [entry(ECHO, T0 + 2500)], { toleranceMs: 3000 }).size).toBe(1);
    expect(matchNetworkEvidence(conns, [entry(`${ECHO}/other`, T0)]).size).toBe(0);
    expect(matchNetworkEvidence(conns, [entry(ECHO, T0 + 9)]).size).toBe(1);
  });

  it('leaves imported connections to the evidence their file brought', () => {
    const store = createConnectionStore();
    const created = (docId: string, time: number) => ({
      source: { ...source, docId },
      records: [{ type: 'created' as const, seq: 1, time, socket: 1, url: ECHO, protocols: [], frameUrl: '', stack: '' }],
    });
    store.applyRecords(created('doc-a', T0 - 3));
    store.applyRecords(created('har:1', T0));
    const evidence = matchNetworkEvidence(store.getState().connections, [entry(ECHO, T0)]);
    expect([...evidence.keys()]).toEqual(['doc-a:1']);
  });

  it('ignores garbage entries and never throws', () => {
    const hostile = {
      _resourceType: 'websocket',
      get request(): never {
        throw new Error('boom');
      },
    };
    const garbage: unknown[] = [
      null, 42, 'x', [], {}, hostile,
      { _resourceType: 'websocket', request: { url: ECHO }, startedDateTime: 'not a date' },
      { _resourceType: 'websocket', request: { url: 7 }, startedDateTime: new Date(T0).toISOString() },
      { _resourceType: 'websocket', request: { url: ECHO }, startedDateTime: new Date(T0).toISOString(), response: 'no', _webSocketMessages: 'no' },
      { _resourceType: 'script', request: { url: 'http://127.0.0.1:8080/app.js' }, startedDateTime: new Date(T0).toISOString() },
    ];
    const conns = connections([[ECHO, T0]]);
    const evidence = matchNetworkEvidence(conns, garbage);
    expect(evidence.get('doc-a:1')).toEqual({ source: 'har', status: 0, errors: [], frames: 0 });
    expect(matchNetworkEvidence(conns, 'not an array' as unknown as unknown[]).size).toBe(0);
  });

  it('compares URLs as the URL parser writes them', () => {
    expect(normalizeSocketUrl('WS://127.0.0.1:80/echo#x')).toBe('ws://127.0.0.1/echo');
    expect(normalizeSocketUrl('not a url')).toBe('not a url');
  });

  it('gives evidence the diagnosis accepts as its network input', () => {
    const conns = connections([[REFUSED, T0]]);
    const evidence = matchNetworkEvidence(conns, [entry(REFUSED, T0, { status: 0 })]);
    const input: DiagnosisInput = { ...conns[0]!, network: evidence.get('doc-a:1') };
    expect(input.network).toMatchObject({ source: 'har', status: 0 });
  });
});
