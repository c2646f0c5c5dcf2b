// Transparency probes: the shape of WebSocket as a page can inspect it
// (identity, constants, names, descriptors, toString) and the errors of
// calling it wrongly. Each probe is plain browser JS; see transparency-harness.ts.

import type { TransparencyProbe } from './transparency-harness';

const p = (name: string, source: string): TransparencyProbe => ({ name, source });

const CONSTANTS = "['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']";

export const SHAPE_PROBES: TransparencyProbe[] = [
  p('early script sees the same WebSocket and its socket works', String.raw`async (h) => {
    const ws = P.earlySocket;
    if (ws.readyState !== 3) await h.closed(ws);
    return { early: P.early, log: P.earlyLog };
  }`),

  p('instanceof', String.raw`async (h) => {
    const ws = h.make('/ws/echo');
    return { WebSocket: ws instanceof WebSocket, EventTarget: ws instanceof EventTarget, Object: ws instanceof Object,
      functionInstance: WebSocket instanceof Function, isPrototypeOf: WebSocket.prototype.isPrototypeOf(ws) };
  }`),

  p('constructor and prototype identity', String.raw`async (h) => {
    const ws = h.make('/ws/echo');
    return {
      constructor: ws.constructor === WebSocket,
      protoConstructor: WebSocket.prototype.constructor === WebSocket,
      getPrototypeOf: Object.getPrototypeOf(ws) === WebSocket.prototype,
      protoOfConstructor: Object.getPrototypeOf(WebSocket) === EventTarget,
      protoOfPrototype: Object.getPrototypeOf(WebSocket.prototype) === EventTarget.prototype,
      globals: window.WebSocket === WebSocket && self.WebSocket === WebSocket && globalThis.WebSocket === WebSocket,
      sendIdentity: ws.send === WebSocket.prototype.send && ws.close === WebSocket.prototype.close,
      descriptorValue: Object.getOwnPropertyDescriptor(window, 'WebSocket').value === WebSocket,
      prototypeDescriptorValue: Object.getOwnPropertyDescriptor(WebSocket, 'prototype').value === WebSocket.prototype,
    };
  }`),

  p('static constants', String.raw`async (h) => ${CONSTANTS}.map((k) => [k, WebSocket[k], h.desc(WebSocket, k)])`),

  p('prototype and instance constants', String.raw`async (h) => {
    const ws = h.make('/ws/echo');
    return ${CONSTANTS}.map((k) => [k, WebSocket.prototype[k], ws[k], h.desc(WebSocket.prototype, k)]);
  }`),

  p('WebSocket name and length', String.raw`async (h) => ({
    name: WebSocket.name, length: WebSocket.length,
    nameDescriptor: h.desc(WebSocket, 'name'), lengthDescriptor: h.desc(WebSocket, 'length'),
    prototypeDescriptor: h.desc(WebSocket, 'prototype'),
  })`),

  p('send and close name, length, own keys', String.raw`async (h) => ['send', 'close'].map((m) => {
    const f = WebSocket.prototype[m];
    return { m, name: f.name, length: f.length, typeof: typeof f, keys: h.keys(f), hasPrototype: 'prototype' in f,
      name_: h.desc(f, 'name'), length_: h.desc(f, 'length'), proto: Object.getPrototypeOf(f) === Function.prototype };
  })`),

  p('String(WebSocket) and toString of the constructor', String.raw`async (h) => ({
    string: String(WebSocket), concat: WebSocket + '', method: WebSocket.toString(),
    call: Function.prototype.toString.call(WebSocket),
    sameMethod: WebSocket.toString === Function.prototype.toString,
  })`),

  p('toString of send and close', String.raw`async (h) => {
    const ws = h.make('/ws/echo');
    return [ws.send, ws.close, WebSocket.prototype.send, WebSocket.prototype.close].map((f) => [String(f), f.toString(),
      Function.prototype.toString.call(f), '' + f]);
  }`),

  p('toString of accessors and statics', String.raw`async (h) => {
    const names = ['url', 'readyState', 'bufferedAmount', 'binaryType', 'onmessage', 'protocol', 'extensions'];
    return names.map((n) => { const d = Object.getOwnPropertyDescriptor(WebSocket.prototype, n);
      return [n, String(d.get), d.set ? String(d.set) : null]; });
  }`),

  p('Function.prototype.toString itself', String.raw`async (h) => {
    const t = Function.prototype.toString;
    return { string: String(t), self: t.call(t), name: t.name, length: t.length, keys: h.keys(t),
      descriptor: h.desc(Function.prototype, 'toString'), proto: Object.getPrototypeOf(t) === Function.prototype,
      hasPrototype: 'prototype' in t, sameViaObject: Object.prototype.toString.call(t),
      bound: String(t.bind(WebSocket)), boundCall: t.bind(WebSocket)() };
  }`),

  p('Function.prototype.toString on page functions and proxies', String.raw`async (h) => {
    const t = Function.prototype.toString;
    const pageProxy = new Proxy(function f(a) { return a; }, {});
    const wsProxy = new Proxy(WebSocket, {});
    const sendProxy = new Proxy(WebSocket.prototype.send, {});
    return [function named(a, b) { return a + b; }, (x) => x * 2, class K { m() {} }, async function af() {},
      function* gen() {}, { m() {} }.m, Math.max, Function.prototype, pageProxy, wsProxy, sendProxy,
      Object.getOwnPropertyDescriptor(WebSocket.prototype, 'url').get, WebSocket.bind(null)].map((f) => t.call(f));
  }`),

  p('Function.prototype.toString errors', String.raw`async (h) => {
    const t = Function.prototype.toString;
    const { proxy, revoke } = Proxy.revocable(function () {}, {});
    revoke();
    return [{}, null, undefined, 1, 'str', Symbol.iterator, WebSocket.prototype, proxy].map((v) => h.attempt(() => t.call(v)));
  }`),

  p('window.WebSocket property descriptor', String.raw`async (h) => ({
    descriptor: h.desc(window, 'WebSocket'), inWindow: 'WebSocket' in window,
    enumerableKey: Object.keys(window).includes('WebSocket'), ownNameIndexKnown: Object.getOwnPropertyNames(window).indexOf('WebSocket') >= 0,
  })`),

  p('WebSocket.prototype send, close and constructor descriptors', String.raw`async (h) =>
    ['send', 'close', 'constructor', 'url', 'binaryType', 'bufferedAmount', 'onmessage', 'readyState']
      .map((k) => [k, h.desc(WebSocket.prototype, k)])`),

  p('own keys of WebSocket and its prototype', String.raw`async (h) => ({
    constructor: h.keys(WebSocket), prototype: h.keys(WebSocket.prototype),
    symbolToStringTag: WebSocket.prototype[Symbol.toStringTag], tagDescriptor: h.desc(WebSocket.prototype, Symbol.toStringTag),
  })`),

  p('calling WebSocket without new', String.raw`async (h) => {
    const url = h.url('/ws/echo');
    return [() => WebSocket(url), () => WebSocket.call(null, url), () => WebSocket.apply(window, [url]),
      () => Reflect.apply(WebSocket, undefined, [url])].map(h.attempt);
  }`),

  p('new on send and close, and new WebSocket() without arguments', String.raw`async (h) => [
    () => new WebSocket.prototype.send('x'), () => new WebSocket.prototype.close(), () => new WebSocket(),
    () => Reflect.construct(WebSocket.prototype.send, []),
  ].map(h.attempt)`),

  p('Reflect.construct with another newTarget', String.raw`async (h) => {
    function F() {}
    F.prototype = Object.create(WebSocket.prototype);
    const ws = h.track(Reflect.construct(WebSocket, [h.url('/ws/echo')], F));
    const B = WebSocket.bind(null, h.url('/ws/echo'));
    const bound = h.track(new B());
    return { proto: Object.getPrototypeOf(ws) === F.prototype, isWs: ws instanceof WebSocket, isF: ws instanceof F,
      ctor: ws.constructor === WebSocket, tag: Object.prototype.toString.call(ws), readyState: ws.readyState,
      boundName: B.name, boundLength: B.length, boundString: String(B), boundInstance: bound instanceof WebSocket,
      boundProto: Object.getPrototypeOf(bound) === WebSocket.prototype };
  }`),

  p('typeof, extensibility and Object.prototype.toString', String.raw`async (h) => {
    const ws = h.make('/ws/echo');
    const of = (x) => [typeof x, Object.isExtensible(x), Object.isFrozen(x), Object.isSealed(x), Object.prototype.toString.call(x)];
    return { WebSocket: of(WebSocket), prototype: of(WebSocket.prototype), send: of(ws.send), close: of(ws.close), socket: of(ws),
      isArray: Array.isArray(WebSocket) };
  }`),

  p('caller, arguments and redefinition errors', String.raw`async (h) => [
    () => WebSocket.caller, () => WebSocket.arguments, () => WebSocket.prototype.send.caller, () => WebSocket.prototype.close.arguments,
    () => Object.defineProperty(WebSocket, 'prototype', { value: 1 }), () => Object.defineProperty(WebSocket, 'CLOSED', { value: 9 }),
    () => { 'use strict'; WebSocket.prototype = 1; }, () => { 'use strict'; WebSocket.OPEN = 5; }, () => { 'use strict'; delete WebSocket.OPEN; },
    () => Function.prototype.toString.caller, () => Function.prototype.toString.arguments,
    () => Object.create(WebSocket).caller, () => Reflect.get(WebSocket, 'caller', {}),
  ].map(h.attempt)`),

  p('page accessors on Function.prototype see WebSocket, send and close as `this`', String.raw`async (h) => {
    const seen = [];
    const original = Object.getOwnPropertyDescriptor(Function.prototype, 'caller');
    const probe = { configurable: true, get() { seen.push([this === WebSocket, this === WebSocket.prototype.send, this === WebSocket.prototype.close]); return 'page'; } };
    Object.defineProperty(Function.prototype, 'wsciProbeAccessor', probe);
    const replaced = h.attempt(() => { Object.defineProperty(Function.prototype, 'caller', probe); return true; });
    try {
      return { replaced, values: [WebSocket.wsciProbeAccessor, WebSocket.prototype.send.wsciProbeAccessor, WebSocket.caller,
        WebSocket.prototype.close.caller, Function.prototype.toString.wsciProbeAccessor], seen };
    } finally {
      delete Function.prototype.wsciProbeAccessor;
      if (original) Object.defineProperty(Function.prototype, 'caller', original);
    }
  }`),

  p('assigning to caller and arguments in strict code', String.raw`async (h) => [
    () => { 'use strict'; WebSocket.caller = 1; }, () => { 'use strict'; WebSocket.prototype.send.arguments = 1; },
  ].map(h.attempt)`),

  p('structuredClone and postMessage of WebSocket and its methods', String.raw`async (h) => {
    const ws = h.make('/ws/echo');
    const clone = (v) => [h.attempt(() => structuredClone(v)), h.attempt(() => new MessageChannel().port1.postMessage(v))];
    return { WebSocket: clone(WebSocket), send: clone(ws.send), close: clone(ws.close), toString: clone(Function.prototype.toString),
      socket: clone(ws), bound: clone(WebSocket.bind(null)) };
  }`),

  p('cross-realm: another frame stringifies our WebSocket and methods', String.raw`async (h) => {
    const frame = document.createElement('iframe');
    document.body.appendChild(frame);
    try {
      const w = frame.contentWindow;
      const t = w.Function.prototype.toString;
      return { fromFrame: [WebSocket, WebSocket.prototype.send, WebSocket.prototype.close, Function.prototype.toString].map((f) => h.attempt(() => t.call(f))),
        ofFrame: [w.WebSocket, w.WebSocket.prototype.send, w.Function.prototype.toString].map((f) => h.attempt(() => Function.prototype.toString.call(f))),
        frameDescriptor: h.desc(w, 'WebSocket'), distinct: w.WebSocket !== WebSocket,
        instanceofAcross: h.attempt(() => Object.create(w.WebSocket.prototype) instanceof WebSocket) };
    } finally {
      frame.remove();
    }
  }`),
];
