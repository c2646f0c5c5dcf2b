// Transparency probes: what the hook could leave behind where a page can look
// (globals, own keys, window message traffic, stack traces), and whether it
// calls built-ins a page may have replaced (zone.js patches Promise#then,
// prototype.js adds Array#toJSON; a page can count calls to any of them).

import type { TransparencyProbe } from './transparency-harness';

const p = (name: string, source: string): TransparencyProbe => ({ name, source });

/**
 * A full socket life (open, text/binary/Blob sends, Blob and ArrayBuffer
 * echoes, a rejected and a valid close, the close event): the hook is busy
 * all along. Plain JS, shared by the probes that count what the hook calls.
 */
const SOCKET_LIFE = String.raw`async () => {
  const ws = h.make('/ws/echo', ['chat', 'echo']);
  await h.opened(ws);
  ws.send('text \u00e9 \uD800 \u0000 end');
  ws.send(new Uint8Array([1, 2, 3]));
  ws.send(new Blob(['blob']));
  await h.messages(ws, 3);
  ws.binaryType = 'arraybuffer';
  ws.send(new ArrayBuffer(4));
  await h.messages(ws, 1);
  try { ws.close(1001); } catch (e) {}
  const done = h.closed(ws);
  ws.close(4000, 'bye');
  await done;
  // One more round trip on a fresh socket: lets any work queued by the first finish.
  const barrier = h.make('/ws/echo');
  await h.opened(barrier);
  barrier.send('barrier');
  await h.messages(barrier, 1);
  const closed = h.closed(barrier);
  barrier.close();
  await closed;
}`;

/**
 * Counts reads of `${name}[Symbol.species]` and `${name}.prototype.constructor`
 * during a socket's life (the page's own code, awaits included, counts alike in both runs).
 */
const speciesProbe = (name: 'Array' | 'Promise'): TransparencyProbe =>
  p(`${name}[Symbol.species] and ${name}.prototype.constructor are not consulted by the hook`, String.raw`async (h) => {
    const reads = { species: 0, constructor: 0 };
    const species = Object.getOwnPropertyDescriptor(${name}, Symbol.species);
    const ctor = Object.getOwnPropertyDescriptor(${name}.prototype, 'constructor');
    Object.defineProperty(${name}, Symbol.species, { configurable: true, get() { reads.species++; return ${name}; } });
    Object.defineProperty(${name}.prototype, 'constructor', { configurable: true, get() { reads.constructor++; return ${name}; } });
    try {
      const run = ${SOCKET_LIFE};
      await run();
      return reads;
    } finally {
      Object.defineProperty(${name}, Symbol.species, species);
      Object.defineProperty(${name}.prototype, 'constructor', ctor);
    }
  }`);

/** [owner expression, key] of built-ins that pages and libraries are known to replace. */
const SPIED_METHODS: Array<[string, string]> = [
  ['Promise.prototype', 'then'], ['Promise.prototype', 'catch'], ['Promise.prototype', 'finally'], ['Promise', 'resolve'],
  ['Array.prototype', 'push'], ['Array.prototype', 'pop'], ['Array.prototype', 'shift'], ['Array.prototype', 'slice'],
  ['Array.prototype', 'map'], ['Array.prototype', 'filter'], ['Array.prototype', 'join'], ['Array.prototype', 'indexOf'],
  ['Array.prototype', 'includes'], ['Array.prototype', 'forEach'], ['Array.prototype', 'concat'], ['Array.prototype', 'splice'],
  ['Array.prototype', 'Symbol.iterator'], ['Object.getPrototypeOf([][Symbol.iterator]())', 'next'],
  ['String.prototype', 'slice'], ['String.prototype', 'split'], ['String.prototype', 'charCodeAt'], ['String.prototype', 'startsWith'],
  ['String.prototype', 'trim'], ['String.prototype', 'padStart'], ['String.prototype', 'indexOf'], ['String.prototype', 'replace'],
  ['String.prototype', 'toUpperCase'], ['String.prototype', 'substring'], ['String.prototype', 'Symbol.iterator'],
  ['RegExp.prototype', 'test'], ['RegExp.prototype', 'exec'],
  ['JSON', 'stringify'], ['JSON', 'parse'],
  ['WeakMap.prototype', 'get'], ['WeakMap.prototype', 'set'], ['WeakMap.prototype', 'has'],
  ['Map.prototype', 'get'], ['Map.prototype', 'set'], ['Set.prototype', 'has'], ['Set.prototype', 'add'],
  ['Object', 'defineProperty'], ['Object', 'getOwnPropertyDescriptor'], ['Object', 'keys'], ['Object', 'assign'],
  ['Object', 'getPrototypeOf'], ['Object', 'freeze'], ['Object', 'create'],
  ['Reflect', 'apply'], ['Reflect', 'construct'], ['Reflect', 'get'], ['Reflect', 'defineProperty'],
  ['Math', 'min'], ['Math', 'max'], ['Math', 'floor'], ['Math', 'trunc'], ['Number', 'isFinite'], ['Number', 'isInteger'],
  ['Number', 'isNaN'], ['Array', 'isArray'], ['Array', 'from'], ['String', 'fromCharCode'],
  ['window', 'queueMicrotask'], ['window', 'setTimeout'], ['window', 'clearTimeout'], ['window', 'requestAnimationFrame'],
  ['performance', 'now'], ['Date', 'now'], ['crypto', 'randomUUID'],
  ['EventTarget.prototype', 'addEventListener'], ['EventTarget.prototype', 'removeEventListener'], ['EventTarget.prototype', 'dispatchEvent'],
  ['Function.prototype', 'call'], ['Function.prototype', 'apply'], ['Function.prototype', 'bind'],
  ['Blob.prototype', 'slice'], ['Blob.prototype', 'arrayBuffer'], ['Blob.prototype', 'text'],
  ['FileReader.prototype', 'readAsArrayBuffer'], ['TextEncoder.prototype', 'encode'], ['TextEncoder.prototype', 'encodeInto'],
  ['Number.prototype', 'toString'], ['Object.prototype', 'toString'], ['Object.prototype', 'hasOwnProperty'],
];

/** Globals whose own keys the hook might disturb by touching them (Firefox materializes lazily). */
const HOOK_BUILTINS = ['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'DOMException', 'CustomEvent', 'Event',
  'MessageEvent', 'CloseEvent', 'EventTarget', 'FileReader', 'TextEncoder', 'Blob', 'ArrayBuffer', 'Uint8Array', 'DataView', 'Proxy',
  'Reflect', 'JSON', 'Symbol', 'WeakMap', 'Array', 'String', 'Number', 'Object', 'Function', 'Promise', 'performance', 'location',
  'MutationObserver'];

/** Global constructors and functions a page may replace outright. */
const SPIED_GLOBALS = ['String', 'Number', 'Boolean', 'Error', 'CustomEvent', 'Event', 'Uint8Array', 'ArrayBuffer', 'Promise', 'Proxy', 'WeakMap', 'TextEncoder', 'FileReader'];

/** Accessors a page may add to shared prototypes; the hook must never read them. */
const SPIED_ACCESSORS: Array<[string, string]> = [
  ['Object.prototype', 'toJSON'], ['Array.prototype', 'toJSON'], ['Object.prototype', 'then'],
  ['Object.prototype', 'prepareStackTrace'], ['Object.prototype', 'stackTraceLimit'],
  ['Object.prototype', 'bubbles'], ['Object.prototype', 'cancelable'], ['Object.prototype', 'composed'], ['Object.prototype', 'detail'],
  ['Object.prototype', 'get'], ['Object.prototype', 'set'], ['Object.prototype', 'value'], ['Object.prototype', 'writable'],
  ['Object.prototype', 'enumerable'], ['Object.prototype', 'configurable'],
  ['Object.prototype', 'type'], ['Object.prototype', 'settings'], ['Object.prototype', 'previewChars'], ['Object.prototype', 'length'],
  ['Object.prototype', 'stack'], ['Object.prototype', 'name'], ['Object.prototype', 'message'], ['Object.prototype', 'once'],
  ['Object.prototype', 'capture'], ['Object.prototype', 'passive'], ['Object.prototype', 'signal'], ['Object.prototype', 'handleEvent'],
  ['Error', 'prepareStackTrace'], ['Array.prototype', '0'], ['Array.prototype', '1'], ['Object.prototype', 'return'],
  ['Object.prototype', 'next'], ['Object.prototype', 'done'],
];

export const GLOBAL_PROBES: TransparencyProbe[] = [
  p('own keys of a socket through its life', String.raw`async (h) => {
    const ws = h.make('/ws/echo');
    const seen = [h.keys(ws)];
    await h.opened(ws);
    seen.push(h.keys(ws));
    ws.send('k');
    await h.messages(ws, 1);
    seen.push(h.keys(ws), Object.getOwnPropertyNames(ws), Object.getOwnPropertySymbols(ws).length, Object.isExtensible(ws));
    const done = h.closed(ws);
    ws.close();
    await done;
    seen.push(h.keys(ws));
    return seen;
  }`),

  p('Error.prepareStackTrace set by the page is called only when the page reads a stack', String.raw`async (h) => {
    const calls = [];
    Error.prepareStackTrace = (error, sites) => { calls.push(String(error && error.name)); return 'prepared'; };
    try {
      const run = ${SOCKET_LIFE};
      await run();
      const during = calls.length;
      let caught;
      try { h.make('/ws/echo').close(1001); } catch (e) { caught = e; }
      return { during, prepared: caught.stack === 'prepared', after: calls.slice() };
    } finally {
      delete Error.prepareStackTrace;
    }
  }`),

  p('getters for Error.prepareStackTrace and Error.stackTraceLimit are not read by the hook', String.raw`async (h) => {
    const reads = [];
    const limit = Object.getOwnPropertyDescriptor(Error, 'stackTraceLimit');
    Object.defineProperty(Error, 'prepareStackTrace', { configurable: true, get() { reads.push('prepareStackTrace'); return undefined; }, set(v) {} });
    if (limit) Object.defineProperty(Error, 'stackTraceLimit', { configurable: true, get() { reads.push('stackTraceLimit'); return 10; }, set(v) {} });
    try {
      const run = ${SOCKET_LIFE};
      await run();
      return reads;
    } finally {
      delete Error.prepareStackTrace;
      if (limit) Object.defineProperty(Error, 'stackTraceLimit', limit);
    }
  }`),

  p('built-in methods the page replaced are not called by the hook', String.raw`async (h) => {
    const spied = ${JSON.stringify(SPIED_METHODS)};
    const counts = {};
    const restore = [];
    const apply = Reflect.apply;
    for (const [ownerExpr, keyText] of spied) {
      const owner = (0, eval)(ownerExpr);
      const key = keyText.startsWith('Symbol.') ? Symbol[keyText.slice(7)] : keyText;
      const descriptor = owner && Object.getOwnPropertyDescriptor(owner, key);
      if (!descriptor || typeof descriptor.value !== 'function') continue;
      const original = descriptor.value;
      const label = ownerExpr + '.' + keyText;
      counts[label] = 0;
      const spy = { [original.name]: function (...args) { counts[label]++; return new.target ? Reflect.construct(original, args, new.target) : apply(original, this, args); } }[original.name];
      Object.defineProperty(owner, key, { ...descriptor, value: spy });
      restore.push(() => Object.defineProperty(owner, key, descriptor));
    }
    const run = ${SOCKET_LIFE};
    // The page's own calls while spying are the same in both runs; only the counts' difference matters.
    try { await run(); } finally { for (const r of restore.reverse()) r(); }
    return counts;
  }`),

  p('global constructors the page replaced are not called by the hook', String.raw`async (h) => {
    const names = ${JSON.stringify(SPIED_GLOBALS)};
    const counts = {};
    const restore = [];
    for (const name of names) {
      const original = window[name];
      const descriptor = Object.getOwnPropertyDescriptor(window, name);
      counts[name] = 0;
      const spy = new Proxy(original, {
        apply(t, self, args) { counts[name]++; return Reflect.apply(t, self, args); },
        construct(t, args, nt) { counts[name]++; return Reflect.construct(t, args, nt === spy ? t : nt); },
      });
      Object.defineProperty(window, name, { ...descriptor, value: spy });
      restore.push(() => Object.defineProperty(window, name, descriptor));
    }
    const run = ${SOCKET_LIFE};
    try { await run(); } finally { for (const r of restore.reverse()) r(); }
    return counts;
  }`),

  p('accessors the page added to shared prototypes are not read by the hook', String.raw`async (h) => {
    const spied = ${JSON.stringify(SPIED_ACCESSORS)};
    const reads = {};
    const restore = [];
    for (const [ownerExpr, key] of spied) {
      const owner = (0, eval)(ownerExpr);
      const label = ownerExpr + '.' + key;
      if (Object.getOwnPropertyDescriptor(owner, key)) continue;
      reads[label] = 0;
      // Null-prototype descriptors: the accessors below must not leak into our own descriptor objects.
      Object.defineProperty(owner, key, { __proto__: null, configurable: true, get() { reads[label]++; return undefined; },
        set(v) { Object.defineProperty(this, key, { __proto__: null, value: v, writable: true, enumerable: true, configurable: true }); } });
      restore.push(() => delete owner[key]);
    }
    const run = ${SOCKET_LIFE};
    try { await run(); } finally { for (const r of restore.reverse()) r(); }
    return reads;
  }`),

  // The hook builds arrays without Array methods, and queues microtasks through a promise of its own (n.cheapMicrotask).
  speciesProbe('Array'),
  speciesProbe('Promise'),

  // The hook copies binary heads into a pool of its own with the captured %TypedArray%.prototype.set,
  // and never reads a typed array's length or bounds through the page-replaceable getters.
  p('typed array getters and set are not called by the hook, binary frames in both directions', String.raw`async (h) => {
    const proto = Object.getPrototypeOf(Uint8Array.prototype);
    const calls = {};
    const saved = {};
    for (const key of ['length', 'byteLength', 'byteOffset', 'buffer', 'set', 'subarray', 'slice']) {
      const d = Object.getOwnPropertyDescriptor(proto, key);
      saved[key] = d;
      calls[key] = 0;
      if (d.get) Object.defineProperty(proto, key, { configurable: true, get() { calls[key]++; return d.get.call(this); } });
      else Object.defineProperty(proto, key, { configurable: true, writable: true, value: function (...args) { calls[key]++; return d.value.apply(this, args); } });
    }
    try {
      const ws = h.make('/ws/echo');
      ws.binaryType = 'arraybuffer';
      await h.opened(ws);
      const bytes = new Uint8Array(1024);
      // 200 heads of 512 bytes: more than the pool's first 64 KiB.
      for (let i = 0; i < 100; i++) { ws.send(bytes.buffer); ws.send(new DataView(bytes.buffer, 3, 700)); }
      await h.messages(ws, 200);
      return calls;
    } finally {
      for (const key of Object.keys(saved)) Object.defineProperty(proto, key, saved[key]);
    }
  }`),

  p('stack seen by page code called back from inside the constructor, send and close', String.raw`async (h) => {
    const stacks = {};
    const probe = (label, value) => ({ toString() { stacks[label] = new Error('x').stack; return value; } });
    const ws = h.track(new WebSocket(probe('constructor', h.url('/ws/echo'))));
    await h.opened(ws);
    ws.send(probe('send', 'y'));
    await h.messages(ws, 1);
    ws.close(4000, probe('close', 'z'));
    const shape = (s) => ({ lines: String(s).split('\n').length, extension: /(chrome|moz)-extension:/.test(String(s)) });
    return { constructor: shape(stacks.constructor), send: shape(stacks.send), close: shape(stacks.close) };
  }`),

  p('stack of the errors thrown by the constructor, send and close', String.raw`async (h) => {
    const shape = (f) => { try { f(); return 'no throw'; } catch (e) { const s = String(e.stack);
      return { lines: s.split('\n').length, extension: /(chrome|moz)-extension:/.test(s), own: h.keys(e) }; } };
    const ws = h.make('/ws/echo');
    return { constructor: shape(() => new WebSocket('ftp://x/')), send: shape(() => ws.send('early')),
      close: shape(() => ws.close(1001)), toString: shape(() => Function.prototype.toString.call({})) };
  }`),

  p('own property names of the window', String.raw`async (h) => Object.getOwnPropertyNames(window).sort()`),
  p('own property names of the window, in order', String.raw`async (h) => Object.getOwnPropertyNames(window)`),
  p('own symbols of the window', String.raw`async (h) => Object.getOwnPropertySymbols(window).map(String)`),
  p('descriptors of every window property', String.raw`async (h) => Object.getOwnPropertyNames(window).sort().map((k) => [k, JSON.stringify(h.desc(window, k))])`),
  p('own keys of document, Window.prototype, EventTarget.prototype, Function.prototype, Object.prototype', String.raw`async (h) => ({
    document: h.keys(document), windowProto: h.keys(Window.prototype), eventTarget: h.keys(EventTarget.prototype),
    functionProto: h.keys(Function.prototype), objectProto: h.keys(Object.prototype), error: h.keys(Error),
  })`),
  p('own keys of the built-ins the hook uses, and of their prototypes', String.raw`async (h) => ${JSON.stringify(HOOK_BUILTINS)}.map((name) => {
    const C = window[name];
    return [name, h.keys(C), C && C.prototype ? h.keys(C.prototype) : null];
  })`),
  p('no window message events during the whole run', String.raw`async (h) => {
    const ws = await h.echo();
    ws.send('last');
    await h.messages(ws, 1);
    return P.messageEvents;
  }`),
];
