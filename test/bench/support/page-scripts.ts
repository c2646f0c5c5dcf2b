// Code the benchmarks run inside pages, as source text: puppeteer serialises
// functions with toString(), and tsx's transform can leave helper calls in
// them that do not exist in the page, so plain strings are safer.

/** Installs `window.__bench` (socket helpers timed with performance.now()). */
export const BENCH_PAGE_SCRIPT = String.raw`
(() => {
  if (window.__bench) return;
  const sockets = new Map();
  const yieldTask = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = () => resolve(); c.port2.postMessage(0); });
  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const payloads = {
    small: 'x'.repeat(32) + '{"id":1,"op":"ping","ok":true}'.padEnd(32, ' '),
    binary1k: (() => { const b = new Uint8Array(1024); for (let i = 0; i < b.length; i++) b[i] = (i * 31) & 255; return b.buffer; })(),
    text1MiB: '{"data":"' + 'abcdefghijklmnopqrstuvwxyz0123456789'.repeat(30000).slice(0, 1048576 - 12) + '"}',
  };
  async function open(key, url) {
    const ws = new WebSocket(url);
    ws.binaryType = 'arraybuffer';
    await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = () => reject(new Error('socket error ' + url)); });
    ws.onerror = null;
    sockets.set(key, ws);
  }
  /**
   * Milliseconds for count echo round trips, window in flight at a time. Like
   * any client it reads what it receives (here: its size), so the browser
   * makes each message's data once, whoever reads it first.
   */
  let receivedUnits = 0;
  function echo(key, kind, count, windowSize) {
    const ws = sockets.get(key);
    const payload = payloads[kind];
    return new Promise((resolve) => {
      let sent = 0, got = 0;
      const t0 = performance.now();
      ws.onmessage = (event) => {
        const data = event.data;
        receivedUnits += typeof data === 'string' ? data.length : data.byteLength;
        got++;
        if (got === count) { ws.onmessage = null; resolve(performance.now() - t0); }
        else if (sent < count) { ws.send(payload); sent++; }
      };
      for (; sent < Math.min(windowSize, count); sent++) ws.send(payload);
    });
  }
  let strings = null;
  /** [loop ms, loop + the next task ms] for count send() calls of distinct 64-byte strings. */
  async function sendLoop(key, count) {
    const ws = sockets.get(key);
    if (!strings || strings.length !== count) {
      strings = new Array(count);
      for (let i = 0; i < count; i++) strings[i] = ('{"seq":' + i + ',"type":"tick","value":' + (i * 7919 % 100000) + '}').padEnd(64, ' ');
    }
    while (ws.bufferedAmount > 0) await sleep(10);
    await sleep(20);
    const t0 = performance.now();
    for (let i = 0; i < count; i++) ws.send(strings[i]);
    const t1 = performance.now();
    await sleep(0);
    const t2 = performance.now();
    return [t1 - t0, t2 - t0];
  }
  /** Sends small frames as fast as it can for ms; returns how many and when it started (wall clock). */
  async function sendFor(key, ms) {
    const ws = sockets.get(key);
    let sent = 0;
    const start = performance.now();
    const wallStart = performance.timeOrigin + start;
    while (performance.now() - start < ms) {
      for (let i = 0; i < 500; i++) ws.send('f' + (sent++).toString().padStart(15, '0'));
      await yieldTask();
    }
    return { sent, wallStart, sendMs: performance.now() - start };
  }
  /** Receives total flood messages, asking for them chunk by chunk (two chunks in flight). */
  function flood(key, total, chunk) {
    const ws = sockets.get(key);
    return new Promise((resolve) => {
      let got = 0, asked = 0;
      const t0 = performance.now();
      const ask = () => { if (asked < total) { const n = Math.min(chunk, total - asked); asked += n; ws.send(String(n)); } };
      ws.onmessage = () => {
        got++;
        if (got % chunk === 0) ask();
        if (got === total) { ws.onmessage = null; resolve(performance.now() - t0); }
      };
      ask(); ask();
    });
  }
  function close(key) { const ws = sockets.get(key); sockets.delete(key); if (ws) ws.close(1000, 'bench done'); }
  Object.defineProperty(window, '__bench', { value: { open, echo, sendLoop, sendFor, flood, close } });
})();
`;
