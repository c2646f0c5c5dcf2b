// Transparency probes: the events a page receives (order of its own
// listeners, event objects, close events from the server), url/protocol/
// extensions, synthetic events, and subclasses of WebSocket.

import type { TransparencyProbe } from './transparency-harness';

const p = (name: string, source: string): TransparencyProbe => ({ name, source });

export const EVENT_PROBES: TransparencyProbe[] = [
  p('order of the page\'s message listeners (on*, addEventListener, handleEvent, once, removal, null)', String.raw`async (h) => {
    const ws = await h.echo();
    const log = [];
    let release = null;
    const step = (data) => new Promise((resolve) => { release = resolve; ws.send(data); });
    ws.onmessage = (e) => log.push('on1:' + e.data);
    ws.addEventListener('message', (e) => log.push('add:' + e.data));
    const obj = { handleEvent(e) { log.push('handle:' + e.data + ':' + (this === obj)); } };
    ws.addEventListener('message', obj);
    ws.addEventListener('message', (e) => log.push('once:' + e.data), { once: true });
    const removed = (e) => log.push('removed:' + e.data);
    ws.addEventListener('message', removed);
    ws.removeEventListener('message', removed);
    ws.addEventListener('message', (e) => log.push('capture:' + e.data), true);
    const dup = (e) => log.push('dup:' + e.data);
    ws.addEventListener('message', dup);
    ws.addEventListener('message', dup);
    ws.addEventListener('message', (e) => { if (e.data === 'e') { log.push('stop:e'); e.stopImmediatePropagation(); release(); } });
    ws.addEventListener('message', (e) => { log.push('last:' + e.data); release(); });
    await h.within(step('a'), 'a');
    ws.onmessage = (e) => log.push('on2:' + e.data);
    await h.within(step('b'), 'b');
    ws.onmessage = null;
    await h.within(step('c'), 'c');
    ws.onmessage = (e) => log.push('on3:' + e.data);
    await h.within(step('d'), 'd');
    await h.within(step('e'), 'e');
    return log;
  }`),

  p('event handler attributes: initial null and non-callable values', String.raw`async (h) => {
    const ws = h.make('/ws/echo');
    const names = ['onopen', 'onmessage', 'onerror', 'onclose'];
    const initial = names.map((n) => ws[n]);
    ws.onopen = 2;
    ws.onmessage = 'code';
    ws.onerror = {};
    const f = () => {};
    ws.onclose = f;
    return { initial, after: [ws.onopen, ws.onmessage, typeof ws.onerror, ws.onclose === f], own: h.keys(ws) };
  }`),

  p('microtasks between the page\'s own open listeners', String.raw`async (h) => {
    const ws = h.make('/ws/echo');
    const log = [];
    ws.addEventListener('open', () => { log.push('first'); Promise.resolve().then(() => log.push('micro')); queueMicrotask(() => log.push('queued')); });
    ws.onopen = () => log.push('handler');
    ws.addEventListener('open', () => log.push('third'));
    await h.opened(ws);
    return log;
  }`),

  p('the message event object', String.raw`async (h) => {
    const ws = await h.echo();
    const got = new Promise((resolve) => ws.addEventListener('message', (e) => resolve({
      isTrusted: e.isTrusted, target: e.target === ws, currentTarget: e.currentTarget === ws, phase: e.eventPhase,
      isMessageEvent: e instanceof MessageEvent, proto: Object.getPrototypeOf(e) === MessageEvent.prototype,
      type: e.type, data: e.data, origin: e.origin, lastEventId: e.lastEventId, source: e.source, ports: e.ports.length,
      bubbles: e.bubbles, cancelable: e.cancelable, composed: e.composed, defaultPrevented: e.defaultPrevented,
      windowEvent: window.event === e, own: h.keys(e), path: e.composedPath().length,
    }), { once: true }));
    ws.send('payload');
    return h.within(got, 'message');
  }`),

  p('an exception in a page listener is reported and later listeners still run', String.raw`async (h) => {
    const ws = await h.echo();
    const log = [];
    const onError = (e) => { log.push('window error: ' + e.message + ' / ' + (e.error && e.error.name)); e.preventDefault(); };
    window.addEventListener('error', onError);
    ws.addEventListener('message', () => { log.push('throws'); throw new TypeError('listener failure'); });
    const got = new Promise((resolve) => ws.addEventListener('message', (e) => { log.push('after:' + e.data); resolve(); }));
    ws.send('x');
    await h.within(got, 'message');
    window.removeEventListener('error', onError);
    return log;
  }`),

  p('server-initiated close 4001 seen by the page', String.raw`async (h) => {
    const ws = h.make('/ws/close?code=4001&reason=x');
    const log = [];
    for (const t of ['open', 'message', 'error']) ws.addEventListener(t, () => log.push(t + ':' + ws.readyState));
    const event = await new Promise((resolve) => ws.addEventListener('close', (e) => resolve({
      code: e.code, reason: e.reason, wasClean: e.wasClean, readyState: ws.readyState, isCloseEvent: e instanceof CloseEvent,
      isTrusted: e.isTrusted, bubbles: e.bubbles, cancelable: e.cancelable, type: e.type, own: h.keys(e),
    })));
    return { log, event };
  }`),

  p('server close with a longer reason after a message', String.raw`async (h) => {
    const ws = h.make('/ws/close?code=1000&reason=' + encodeURIComponent('done \u00e9\u00e9') + '&after=1');
    await h.opened(ws);
    ws.send('one');
    return h.closed(ws);
  }`),

  p('client close echoes: no arguments gives 1005', String.raw`async (h) => {
    const ws = await h.echo();
    const done = h.closed(ws);
    ws.close();
    return done;
  }`),

  p('url, protocol and extensions before and after open', String.raw`async (h) => {
    const cases = [[h.url('/ws/echo?p=1')], [h.url('/ws/echo?p=2'), 'echo'], [h.url('/ws/echo?p=3'), ['chat', 'echo']],
      ['http://' + location.host + '/ws/echo?p=4', []], ['/ws/echo?p=5']];
    const out = [];
    for (const args of cases) {
      const ws = h.track(new WebSocket(...args));
      const before = [ws.url, ws.protocol, ws.extensions, ws.readyState];
      await h.opened(ws);
      out.push({ before, after: [ws.url, ws.protocol, ws.extensions, ws.readyState] });
    }
    return out;
  }`),

  p('synthetic events dispatched by the page on a socket', String.raw`async (h) => {
    const ws = await h.echo();
    const log = [];
    const data = new Proxy({}, {
      get(t, k) { log.push('get ' + String(k)); return Reflect.get(t, k); },
      getPrototypeOf(t) { log.push('getPrototypeOf'); return Reflect.getPrototypeOf(t); },
      has(t, k) { log.push('has ' + String(k)); return Reflect.has(t, k); },
    });
    ws.onmessage = (e) => log.push('onmessage:' + (e.data === data) + ':' + e.isTrusted);
    ws.onclose = (e) => log.push('onclose:' + e.code + ':' + e.isTrusted);
    const results = [ws.dispatchEvent(new MessageEvent('message', { data, cancelable: true })),
      ws.dispatchEvent(new CloseEvent('close', { code: 4000, reason: 'fake', wasClean: true })),
      ws.dispatchEvent(new Event('open')), ws.dispatchEvent(new Event('error'))];
    ws.send('still works');
    const echo = await h.messages(ws, 1);
    ws.onclose = null;
    return { log, results, echo, readyState: ws.readyState };
  }`),

  p('subclass of WebSocket', String.raw`async (h) => {
    class Tracked extends WebSocket {
      constructor(url, protocols) { super(url, protocols); this.sentCount = 0; }
      send(data) { this.sentCount++; return super.send(data); }
      hello() { return 'hi'; }
      static make(url) { return new this(url); }
    }
    const x = h.track(new Tracked(h.url('/ws/echo'), 'echo'));
    const y = h.track(Tracked.make(h.url('/ws/echo?made=1')));
    const shape = { isTracked: x instanceof Tracked, isWs: x instanceof WebSocket, ctor: x.constructor === Tracked,
      name: x.constructor.name, length: Tracked.length, protoOfClass: Object.getPrototypeOf(Tracked) === WebSocket,
      constants: [Tracked.CONNECTING, Tracked.CLOSED, x.OPEN], hello: x.hello(), keys: h.keys(x), tag: Object.prototype.toString.call(x),
      string: Function.prototype.toString.call(Tracked).slice(0, 20), yIsTracked: y instanceof Tracked,
      bad: h.attempt(() => new Tracked('ftp://x/')) };
    await h.opened(x);
    x.send('sub');
    const echo = await h.messages(x, 1);
    const done = h.closed(x);
    x.close(4002, 'sub close');
    return { shape, echo, sentCount: x.sentCount, protocol: x.protocol, event: await done };
  }`),

  p('subclass that overrides close and uses super.close with arguments', String.raw`async (h) => {
    class Polite extends WebSocket { close(code, reason) { return super.close(code ?? 4100, reason ?? 'polite'); } }
    const ws = h.track(new Polite(h.url('/ws/echo')));
    await h.opened(ws);
    const bad = h.attempt(() => ws.close(1001));
    const done = h.closed(ws);
    ws.close();
    return { bad, event: await done };
  }`),
];
