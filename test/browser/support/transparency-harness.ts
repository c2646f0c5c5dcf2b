// Runs the transparency probes (transparency-probes*.ts) in a real page served
// by the scenario server and returns one JSON-safe result per probe. Each
// probe is plain browser JS evaluated in the page, so the very same text runs
// with and without the extension.

import type { Page } from 'puppeteer-core';
import type { ScenarioServer } from '../../server/scenario-server';

export interface TransparencyProbe {
  name: string;
  /** Source of `async (h) => value`; `h` is the helper object below. */
  source: string;
}

export const PROBE_PAGE_PATH = '/transparency.html';

/**
 * The probe page. Its first inline script runs before anything else the page
 * does: it counts window `message` events for the whole run, records what an
 * early script sees of WebSocket, and opens a socket at once (the hook must
 * already be there to capture it).
 */
export const PROBE_PAGE_HTML = String.raw`<!doctype html>
<html><head><meta charset="utf-8"><title>transparency</title><script>
(function () {
  var P = { created: [], messageEvents: 0, early: null, earlySocket: null, earlyLog: [] };
  window.__wsciProbe = P;
  addEventListener('message', function () { P.messageEvents++; }, true);
  addEventListener('message', function () { P.messageEvents++; });
  P.early = {
    string: String(WebSocket),
    native: Function.prototype.toString.call(WebSocket),
    send: String(WebSocket.prototype.send),
    close: Function.prototype.toString.call(WebSocket.prototype.close),
    constructorIdentity: WebSocket.prototype.constructor === WebSocket,
    windowDescriptor: JSON.stringify(Object.getOwnPropertyDescriptor(window, 'WebSocket'), function (k, v) { return k === 'value' ? typeof v : v; })
  };
  var ws = new WebSocket('ws://' + location.host + '/ws/echo');
  P.created.push(ws.url);
  P.earlySocket = ws;
  ws.onopen = function () { P.earlyLog.push('open'); ws.send('early'); };
  ws.onmessage = function (e) { P.earlyLog.push('message:' + e.data); ws.close(1000, 'early done'); };
  ws.onclose = function (e) { P.earlyLog.push('close:' + e.code + ':' + e.reason + ':' + e.wasClean); };
})();
</script></head><body>transparency probes</body></html>`;

/** The helper object `h` every probe receives (plain browser JS). */
const HELPERS = String.raw`
const P = window.__wsciProbe;
const h = { sockets: [] };
h.url = (path) => 'ws://' + location.host + path;
h.track = (ws) => { h.sockets.push(ws); P.created.push(ws.url); return ws; };
h.make = function (path, protocols) {
  return h.track(arguments.length > 1 ? new WebSocket(h.url(path), protocols) : new WebSocket(h.url(path)));
};
h.error = (e) => {
  if (e === null || (typeof e !== 'object' && typeof e !== 'function')) return { primitive: String(e) };
  return {
    name: e.name,
    constructor: e.constructor === undefined ? null : e.constructor.name,
    isDOMException: e instanceof DOMException,
    isError: e instanceof Error,
    message: String(e.message),
    code: typeof e.code === 'number' ? e.code : null,
  };
};
h.attempt = (fn) => {
  try {
    const value = fn();
    return { value: value === undefined ? '<undefined>' : value };
  } catch (e) {
    return { threw: h.error(e) };
  }
};
h.within = (promise, label, ms) => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('timed out waiting for ' + label)), ms || 20000);
  promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
});
h.event = (target, type) => h.within(new Promise((r) => target.addEventListener(type, r, { once: true })), type);
h.opened = (ws) => h.within(new Promise((resolve, reject) => {
  if (ws.readyState === 1) return resolve(ws);
  ws.addEventListener('open', () => resolve(ws), { once: true });
  ws.addEventListener('close', (e) => reject(new Error('closed before open: ' + e.code)), { once: true });
}), 'open');
h.closed = (ws) => h.within(new Promise((resolve) => {
  if (ws.readyState === 3) return resolve(null);
  ws.addEventListener('close', (e) => resolve({ code: e.code, reason: e.reason, wasClean: e.wasClean, readyState: ws.readyState }), { once: true });
}), 'close');
h.messages = (ws, n) => h.within(new Promise((resolve) => {
  const got = [];
  const on = (e) => {
    got.push(e.data);
    if (got.length === n) { ws.removeEventListener('message', on); resolve(got); }
  };
  ws.addEventListener('message', on);
}), n + ' message(s)');
h.hex = (bytes) => Array.prototype.map.call(bytes, (b) => (b < 16 ? '0' : '') + b.toString(16)).join('');
h.describe = async (d) => {
  if (typeof d === 'string') return { text: d };
  if (d instanceof ArrayBuffer) return { arraybuffer: h.hex(new Uint8Array(d)) };
  if (d instanceof Blob) return { blob: h.hex(new Uint8Array(await d.arrayBuffer())), type: d.type };
  return { other: Object.prototype.toString.call(d) };
};
h.echo = async (binaryType) => {
  const ws = h.make('/ws/echo');
  if (binaryType) ws.binaryType = binaryType;
  await h.opened(ws);
  return ws;
};
h.desc = (obj, key) => {
  const d = Object.getOwnPropertyDescriptor(obj, key);
  if (!d) return null;
  return {
    kind: 'value' in d ? 'data' : 'accessor',
    writable: 'value' in d ? d.writable : '<n/a>',
    enumerable: d.enumerable,
    configurable: d.configurable,
    getter: d.get ? d.get.name : null,
    setter: d.set ? d.set.name : null,
    valueType: typeof d.value,
  };
};
h.keys = (obj) => Reflect.ownKeys(obj).map(String);
/** Lets queued tasks run (a yield to the event loop, not a timed wait). */
h.tick = () => new Promise((r) => setTimeout(r, 0));
/** Closes every socket this probe opened and waits for each close event. */
h.settle = async () => {
  for (const ws of h.sockets) {
    if (ws.readyState === 3) continue;
    const done = h.closed(ws);
    if (ws.readyState < 2) ws.close();
    await done;
  }
};
h.encode = (x) => JSON.stringify(x, (k, v) => {
  if (v === undefined) return '<undefined>';
  if (typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (Object.is(v, -0)) return '-0';
  if (typeof v === 'bigint') return v + 'n';
  if (typeof v === 'symbol') return String(v);
  return v;
});
`;

function expressionFor(probe: TransparencyProbe): string {
  return `(async () => {
    ${HELPERS}
    const run = ${probe.source};
    try {
      const value = await run(h);
      await h.settle();
      return h.encode({ value });
    } catch (e) {
      try { await h.settle(); } catch (ignored) {}
      return h.encode({ probeError: String(e && e.message || e) });
    }
  })()`;
}

export type ProbeResults = Record<string, unknown>;

/** Replaces the server's ports, which differ per run, by placeholders. */
function normalize(json: string, server: ScenarioServer): string {
  const hosts: Array<[string, string]> = [
    [new URL(server.origin).host, '<ORIGIN>'],
    [new URL(server.crossOrigin).host, '<CROSS_ORIGIN>'],
  ];
  // Longest first: one port may be a prefix of the other (…:4000 and …:40001).
  hosts.sort((a, b) => b[0].length - a[0].length);
  return hosts.reduce((out, [host, label]) => out.split(host).join(label), json);
}

/** Loads the probe page in `page` and runs every probe there, one after the other. */
export async function runProbes(page: Page, server: ScenarioServer, probes: TransparencyProbe[]): Promise<ProbeResults> {
  server.page(PROBE_PAGE_PATH, PROBE_PAGE_HTML);
  await page.goto(`${server.origin}${PROBE_PAGE_PATH}`, { waitUntil: 'load' });
  const results: ProbeResults = {};
  for (const probe of probes) {
    const json = (await page.evaluate(expressionFor(probe))) as string;
    results[probe.name] = JSON.parse(normalize(json, server));
  }
  return results;
}

/** URLs (as `ws.url` reported them) of every socket the probes created, in order. */
export async function createdSocketUrls(page: Page, server: ScenarioServer): Promise<string[]> {
  const json = (await page.evaluate('JSON.stringify(window.__wsciProbe.created)')) as string;
  return JSON.parse(normalize(json, server)) as string[];
}

/** Same placeholder treatment for URLs read elsewhere (the panel). */
export function normalizeUrl(url: string, server: ScenarioServer): string {
  return JSON.parse(normalize(JSON.stringify(url), server)) as string;
}
