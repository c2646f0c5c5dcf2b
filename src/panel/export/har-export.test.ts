import { describe, expect, it } from 'vitest';
import type { NetworkEvidence } from '../network/types';
import type { PanelState } from '../store/model';
import { sampleStore, storeFrom } from './fixtures/sample-session';
import { buildHar, exportHar } from './har-export';
import { importHar } from './har-import';
import { isImportFailure } from './import-types';

const refused: NetworkEvidence = {
  source: 'har',
  status: 0,
  errors: ['Error during WebSocket handshake: Unexpected response code: 403'],
  requestHeaders: { Origin: 'http://127.0.0.1:8080', 'Sec-WebSocket-Version': '13' },
  frames: 0,
};

const REQUIRED_ENTRY = ['startedDateTime', 'time', 'request', 'response', 'cache', 'timings'];
const REQUIRED_REQUEST = ['method', 'url', 'httpVersion', 'cookies', 'headers', 'queryString', 'headersSize', 'bodySize'];
const REQUIRED_RESPONSE = ['status', 'statusText', 'httpVersion', 'cookies', 'headers', 'content', 'redirectURL', 'headersSize', 'bodySize'];

describe('HAR export', () => {
  const state = sampleStore().getState();

  it('writes a valid HAR 1.2 log with one websocket entry per connection', () => {
    const har = JSON.parse(exportHar(state, { creatorVersion: '0.1.0' }));
    expect(har.log).toMatchObject({ version: '1.2', creator: { name: 'WebSocket Close Inspector', version: '0.1.0' } });
    expect(har.log.pages.map((p: { id: string; title: string }) => [p.id, p.title])).toEqual([
      ['page_1', 'http://127.0.0.1:8080/playground.html'],
      ['page_2', 'http://127.0.0.1:8080/frame.html'],
    ]);
    expect(har.log.entries).toHaveLength(3);
    for (const entry of har.log.entries) {
      for (const key of REQUIRED_ENTRY) expect(entry).toHaveProperty(key);
      for (const key of REQUIRED_REQUEST) expect(entry.request).toHaveProperty(key);
      for (const key of REQUIRED_RESPONSE) expect(entry.response).toHaveProperty(key);
      expect(entry.response.content).toMatchObject({ size: 0, mimeType: expect.any(String) });
      for (const key of ['send', 'wait', 'receive']) expect(entry.timings[key]).toBeGreaterThanOrEqual(0);
      expect(entry.time).toBeCloseTo(entry.timings.wait + entry.timings.receive, 6);
      expect(Number.isNaN(Date.parse(entry.startedDateTime))).toBe(false);
      expect(entry._resourceType).toBe('websocket');
    }
  });

  it("writes the frames that reached the wire as Chrome's _webSocketMessages", () => {
    const [first, second] = buildHar(state).log.entries;
    expect(first!.request).toMatchObject({
      url: 'ws://127.0.0.1:8080/echo?room=7',
      queryString: [{ name: 'room', value: '7' }],
      headers: [{ name: 'Sec-WebSocket-Protocol', value: 'chat, v2.chat' }],
    });
    expect(first!.response).toMatchObject({ status: 101, statusText: 'Switching Protocols' });
    expect(first!.response.headers).toEqual([
      { name: 'Sec-WebSocket-Protocol', value: 'chat' },
      { name: 'Sec-WebSocket-Extensions', value: 'permessage-deflate' },
    ]);
    // The send that threw while CONNECTING never left: it is not a frame.
    expect(first!._webSocketMessages.map((m) => [m.type, m.opcode, m.data])).toEqual([
      ['send', 1, '{"name":"café"}'],
      ['receive', 2, 'AAECqg=='],
      ['send', 2, Buffer.from('ff00'.repeat(8), 'hex').toString('base64')],
      ['send', 1, 'a\ud800bcd\ud800'],
      ['receive', 1, 'x'.repeat(64)],
    ]);
    const sentAt = state.connections[0]!.timeline.find((r) => r.seq === 4)!.time;
    expect(first!._webSocketMessages[0]!.time).toBe(sentAt / 1000);
    expect(first!.startedDateTime).toBe('2026-05-01T10:00:00.000Z');
    expect(first!.timings.wait).toBeCloseTo(3.125, 6);
    expect(first!._wsci.close).toMatchObject({ code: 1007, reason: 'invalid utf-8 in payload', wasClean: true });
    expect(first!._wsci.findings.map((f) => f.kind)).toEqual(['send-while-connecting', 'lone-surrogate']);
    expect(first!._wsci.frames.map((f) => f && [f.kind, f.size, f.truncated])).toEqual([
      ['text', 16, false],
      ['arraybuffer', 4, false],
      ['view', 3000, true],
      ['text', 10, false],
      ['text', 2000, true],
    ]);
    // A send after close() (CLOSING) is discarded by the browser: kept only in our extras.
    expect(second!._webSocketMessages).toEqual([]);
    expect(second!._wsci.records.map((r) => r.type)).toEqual(['created', 'open', 'close-requested', 'sent', 'closed']);
  });

  it("adds the network log's status, headers and error texts when known", () => {
    const child = buildHar(state, { network: new Map([['doc-child:1', refused]]) }).log.entries[2]!;
    expect(child.response.status).toBe(0);
    expect(child.request.headers).toEqual([
      { name: 'Origin', value: 'http://127.0.0.1:8080' },
      { name: 'Sec-WebSocket-Version', value: '13' },
    ]);
    expect(child._webSocketMessages).toEqual([
      { type: 'error', time: expect.any(Number), opcode: -1, data: refused.errors[0] },
    ]);
    expect(child._wsci.frames).toEqual([null]);
    expect(child._wsci.network).toEqual(refused);
  });

  it('re-imports losslessly through our _wsci extras', () => {
    const network = new Map([['doc-child:1', refused]]);
    const result = importHar(exportHar(state, { network }), { index: 4 });
    if (isImportFailure(result)) throw new Error(result.error);
    expect(result.rejected).toBe(0);
    const copy = storeFrom(result.messages).getState();
    const strip = (s: PanelState) =>
      s.connections.map(({ key, source, findings, ...rest }) => ({
        ...rest,
        docId: source.docId.replace(/^har:4\//, ''),
        frameUrl: source.frameUrl,
        isTop: source.isTop,
        findings: findings.map(({ connectionKey, ...f }) => ({ ...f, key: connectionKey.replace(/^har:4\//, '') })),
      }));
    expect(strip(copy)).toEqual(strip(state));
    expect([...result.network]).toEqual([['har:4/doc-child:1', refused]]);
  });
});
