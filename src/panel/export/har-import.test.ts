import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { storeFrom } from './fixtures/sample-session';
import { importHar } from './har-import';
import { isImportFailure, type ImportResult } from './import-types';

const CHROME_HAR = readFileSync(new URL('./fixtures/chrome-websockets.har', import.meta.url), 'utf8');
const HELLO = '{"type":"hello","name":"café"}';

function ok(result: ReturnType<typeof importHar>): ImportResult {
  if (isImportFailure(result)) throw new Error(result.error);
  return result;
}

function har(entries: unknown[], pages: unknown[] = []): string {
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, pages, entries } });
}

function socketEntry(over: Record<string, unknown> = {}) {
  return {
    _resourceType: 'websocket',
    startedDateTime: '2026-05-01T10:00:00.000Z',
    time: 10,
    request: { method: 'GET', url: 'wss://example.test/live', headers: [] },
    response: { status: 101, statusText: 'Switching Protocols', headers: [] },
    timings: { blocked: 1, send: 0, wait: 4, receive: 5 },
    _webSocketMessages: [],
    ...over,
  };
}

describe("HAR import: Chrome's own export", () => {
  const result = ok(importHar(CHROME_HAR, { index: 2 }));
  const state = storeFrom(result.messages).getState();
  const [echo, refused] = state.connections;

  it('makes one connection per WebSocket entry in a synthetic top document', () => {
    expect(result.rejected).toBe(0);
    expect(state.connections).toHaveLength(2);
    expect(echo!.source).toEqual({ docId: 'har:2', frameUrl: 'http://127.0.0.1:8080/playground.html', isTop: true });
    expect(echo).toMatchObject({
      key: 'har:2:1',
      url: 'ws://127.0.0.1:8080/echo',
      protocols: ['chat', 'v2.chat'],
      protocol: 'chat',
      createdAt: Date.parse('2026-05-01T10:00:00.120Z'),
      openedAt: Date.parse('2026-05-01T10:00:00.120Z') + 3.5,
      sent: { frames: 2, bytes: 31 + 4 },
      received: { frames: 2, bytes: 31 + 4 },
    });
  });

  it('reads frames: text as is (UTF-8 size), binary from base64 to our hex preview', () => {
    const frames = echo!.timeline.filter((r) => r.type === 'sent' || r.type === 'received');
    expect(frames.map((r) => [r.type, r.kind, r.size, r.preview, r.truncated])).toEqual([
      ['sent', 'text', 31, HELLO, false],
      ['received', 'text', 31, HELLO, false],
      ['sent', 'arraybuffer', 4, '000102aa', false],
      ['received', 'arraybuffer', 4, '000102aa', false],
    ]);
    expect(frames[0]!.time).toBeCloseTo(1777629600125.1, 3);
  });

  it("turns Chrome's error entries into the page's error and a 1006 close", () => {
    expect(echo!.timeline.map((r) => r.type)).toEqual(['created', 'open', 'sent', 'received', 'sent', 'received', 'error', 'closed']);
    expect(echo!.close).toEqual({ code: 1006, reason: '', wasClean: false, time: expect.closeTo(1777629602521.8, 3) });
    expect(refused!.timeline.map((r) => r.type)).toEqual(['created', 'error', 'closed']);
    expect(refused).toMatchObject({ url: 'ws://127.0.0.1:8080/refuse?status=403', openedAt: null, state: 'closed' });
  });

  it("keeps the browser's own words and the handshake as network evidence", () => {
    expect(result.network.get('har:2:1')).toEqual({
      source: 'har',
      status: 101,
      statusText: 'Switching Protocols',
      errors: ['Could not decode a text frame as UTF-8.'],
      requestHeaders: {
        Origin: 'http://127.0.0.1:8080',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Extensions': 'permessage-deflate; client_max_window_bits',
        'Sec-WebSocket-Protocol': 'chat, v2.chat',
      },
      responseHeaders: { 'Sec-WebSocket-Accept': 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=', 'Sec-WebSocket-Protocol': 'chat' },
      frames: 4,
    });
    expect(result.network.get('har:2:2')).toMatchObject({
      status: 0,
      errors: ['Error during WebSocket handshake: Unexpected response code: 403'],
      frames: 0,
    });
  });
});

describe('HAR import: robustness', () => {
  it('cuts big frames to the preview size but keeps their real size', () => {
    const big = 'é'.repeat(5000);
    const bytes = Buffer.alloc(3000, 0xab).toString('base64');
    const entry = socketEntry({
      _webSocketMessages: [
        { type: 'receive', time: 1777629600.5, opcode: 1, data: big },
        { type: 'receive', time: 1777629600.6, opcode: 2, data: bytes },
      ],
    });
    const records = ok(importHar(har([entry]), { previewChars: 16 })).messages[0]!.records;
    expect(records.filter((r) => r.type === 'received').map((r) => [r.size, r.preview, r.truncated])).toEqual([
      [10_000, 'é'.repeat(16), true],
      [3000, 'ab'.repeat(8), true],
    ]);
  });

  it('finds what the outgoing-text analysis can still see in sent frames (NUL, U+FFFD)', () => {
    const entry = socketEntry({ _webSocketMessages: [{ type: 'send', time: 1777629600.5, opcode: 1, data: 'ok\u0000\ufffd' }] });
    const state = storeFrom(ok(importHar(har([entry]))).messages).getState();
    expect(state.findings.map((f) => f.kind)).toEqual(expect.arrayContaining(['nul', 'replacement-char']));
  });

  it('places monotonic frame times after the handshake, keeping their spacing', () => {
    const entry = socketEntry({
      _webSocketMessages: [
        { type: 'send', time: 40159.25, opcode: 1, data: 'a' },
        { type: 'receive', time: 40160.5, opcode: 1, data: 'b' },
      ],
    });
    const records = ok(importHar(har([entry]))).messages[0]!.records;
    const start = Date.parse('2026-05-01T10:00:00.000Z');
    expect(records.filter((r) => r.type === 'sent' || r.type === 'received').map((r) => r.time - start)).toEqual([5, 1255]);
  });

  it('counts and drops garbage; never throws', () => {
    const entries = [
      socketEntry({
        _webSocketMessages: [
          { type: 'send', time: 1777629600.5, opcode: 1, data: 'fine' },
          { type: 'send', time: 'soon', opcode: 1, data: 'x' },
          { type: 'receive', time: 1777629600.6, opcode: 2, data: '%%%not base64' },
          { type: 'ping', time: 1777629600.7, opcode: 9, data: '' },
          null,
        ],
      }),
      socketEntry({ startedDateTime: 'yesterday' }),
      { _resourceType: 'websocket' },
      { request: { url: 'http://example.test/' } },
      42,
      null,
    ];
    const result = ok(importHar(har(entries)));
    expect(result.rejected).toBe(3 + 1 + 1 + 1);
    expect(storeFrom(result.messages).getState().connections).toHaveLength(1);
  });

  it('reads a bare log (as getHAR hands it over) and ws:// entries without _resourceType', () => {
    const entry = socketEntry({ _resourceType: undefined });
    const result = ok(importHar(JSON.stringify({ version: '1.2', entries: [entry] })));
    expect(result.messages[0]!.records[0]).toMatchObject({ type: 'created', url: 'wss://example.test/live' });
  });

  it('says why when there is nothing to import', () => {
    expect(importHar(har([{ request: { url: 'https://example.test/' }, startedDateTime: '2026-05-01T10:00:00Z' }]))).toEqual({ error: 'no-websockets' });
    expect(importHar('{"log":{}}')).toEqual({ error: 'unknown-format' });
    expect(importHar('<html>')).toEqual({ error: 'not-json' });
  });
});
