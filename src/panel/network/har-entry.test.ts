import { describe, expect, it } from 'vitest';
import { isWebSocketHarEntry, pickHeaders, readHarWebSocketEntry } from './har-entry';
import { harMessageClock } from './har-evidence';

const base = {
  startedDateTime: '2026-05-01T10:00:00.000Z',
  request: { url: 'wss://example.test/live' },
  response: { status: 101, statusText: 'Switching Protocols', _error: 'net::ERR_CONNECTION_RESET' },
  timings: { blocked: 0.5, dns: -1, connect: -1, send: 0, wait: 2.5, receive: 100 },
};

describe('HAR WebSocket entries', () => {
  it("recognises Chrome's websocket entries and ws(s) URLs", () => {
    expect(isWebSocketHarEntry({ _resourceType: 'websocket' })).toBe(true);
    expect(isWebSocketHarEntry({ request: { url: 'WSS://x/' } })).toBe(true);
    expect(isWebSocketHarEntry({ request: { url: 'https://x/' } })).toBe(false);
    expect(isWebSocketHarEntry(null)).toBe(false);
  });

  it('reads status, handshake time and response._error', () => {
    const entry = readHarWebSocketEntry(base)!;
    expect(entry).toMatchObject({ status: 101, handshakeMs: 3, failure: 'net::ERR_CONNECTION_RESET', startedAt: Date.parse(base.startedDateTime) });
  });

  it('picks headers case-insensitively under their canonical names, joining repeats', () => {
    const headers = [
      { name: 'sec-websocket-protocol', value: 'a' },
      { name: 'Sec-WebSocket-Protocol', value: 'b' },
      { name: 'Cookie', value: 'secret' },
      { name: 7, value: 'x' },
    ];
    expect(pickHeaders(headers, ['Sec-WebSocket-Protocol'])).toEqual({ 'Sec-WebSocket-Protocol': 'a, b' });
    expect(pickHeaders('nope', ['Origin'])).toEqual({});
  });

  it('maps epoch-second message times directly and monotonic ones after the handshake', () => {
    const epoch = readHarWebSocketEntry({ ...base, _webSocketMessages: [{ type: 'send', time: 1777629600.5, opcode: 1, data: '' }] })!;
    expect(harMessageClock(epoch)(1777629600.5)).toBe(1777629600500);
    const mono = readHarWebSocketEntry({ ...base, _webSocketMessages: [{ type: 'send', time: 100, opcode: 1, data: '' }] })!;
    expect(harMessageClock(mono)(101)).toBe(Date.parse(base.startedDateTime) + 3 + 1000);
  });
});
