import { describe, expect, it } from 'vitest';
import { captureNetwork, type DevtoolsNetworkApi } from './network-capture';
import { createNetworkLog } from './network-log';

const T0 = Date.parse('2026-05-01T10:00:00.000Z');

const socket = (n: number, frames = 0) => ({
  _resourceType: 'websocket',
  startedDateTime: new Date(T0 + n * 1000).toISOString(),
  request: { url: `ws://127.0.0.1:8080/s${n}` },
  response: { status: 101 },
  _webSocketMessages: Array.from({ length: frames }, () => ({ type: 'send', time: T0 / 1000, opcode: 1, data: 'x' })),
});
const page = { _resourceType: 'document', startedDateTime: new Date(T0 - 60_000).toISOString(), request: { url: 'http://127.0.0.1:8080/' } };

/** Chrome's devtools.network: getHAR takes a callback, onRequestFinished is an event. */
function fakeChromeNetwork(log: unknown) {
  const listeners = new Set<(entry: unknown) => void>();
  const api: DevtoolsNetworkApi = {
    getHAR(callback) {
      queueMicrotask(() => callback?.(log));
      return undefined;
    },
    onRequestFinished: { addListener: (l) => listeners.add(l), removeListener: (l) => listeners.delete(l) },
  };
  return { api, finish: (entry: unknown) => listeners.forEach((l) => l(entry)), listeners };
}

describe('network log', () => {
  it('keeps only WebSocket entries, newest last, bounded', () => {
    const log = createNetworkLog(3);
    log.add([page, socket(1), socket(2), null, 7]);
    log.add([socket(3), socket(4)]);
    expect(log.entries().map((e) => (e as { request: { url: string } }).request.url)).toEqual([
      'ws://127.0.0.1:8080/s2',
      'ws://127.0.0.1:8080/s3',
      'ws://127.0.0.1:8080/s4',
    ]);
  });

  it('replaces a snapshot of an open socket by its finished entry', () => {
    const log = createNetworkLog();
    const seen: number[] = [];
    log.subscribe((entries) => seen.push(entries.length));
    log.add([socket(1, 1), socket(2)]);
    log.add([socket(1, 5)]);
    expect(log.entries()).toEqual([socket(2), socket(1, 5)]);
    log.add([page]);
    expect(seen).toEqual([2, 2]);
  });
});

describe('captureNetwork', () => {
  it("reads getHAR once, then every finished request, and knows since when it covers sockets", async () => {
    const fake = fakeChromeNetwork({ version: '1.2', entries: [page, socket(1)] });
    const capture = captureNetwork(fake.api, T0 + 30_000);
    expect(capture.available).toBe(true);
    expect(capture.since()).toBe(T0 + 30_000);
    const updates: unknown[][] = [];
    capture.subscribe((entries) => updates.push(entries));
    await Promise.resolve();
    expect(capture.entries()).toEqual([socket(1)]);
    expect(capture.since()).toBe(T0 - 60_000);
    fake.finish(socket(2, 3));
    fake.finish(page);
    expect(updates.map((u) => u.length)).toEqual([1, 2]);
    capture.stop();
    expect(fake.listeners.size).toBe(0);
  });

  it('accepts a promise-returning getHAR', async () => {
    const api: DevtoolsNetworkApi = {
      getHAR: () => Promise.resolve({ entries: [socket(1)] }),
      onRequestFinished: { addListener() {}, removeListener() {} },
    };
    const capture = captureNetwork(api, T0);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(capture.entries()).toHaveLength(1);
  });

  it('does nothing where there is no devtools.network (a tab, Firefox)', () => {
    const capture = captureNetwork(undefined);
    expect(capture).toMatchObject({ available: false });
    expect(capture.entries()).toEqual([]);
    expect(capture.since()).toBeNull();
  });

  it('survives an API that throws', () => {
    const api = {
      getHAR() {
        throw new Error('devtools went away');
      },
      onRequestFinished: { addListener() {}, removeListener() {} },
    };
    expect(captureNetwork(api).available).toBe(false);
  });
});
