// Transparency probes: what `new WebSocket(url, protocols)` accepts, rejects
// (error name, constructor and message) and how it converts its arguments
// (each conversion runs page code exactly once). WPT Create-*.any.js.

import type { TransparencyProbe } from './transparency-harness';

/**
 * One probe per constructor call. `args` is a JS expression for the argument
 * list; `h.url(path)` is a ws:// URL on the scenario server, `location.host` its host.
 */
const construct = (name: string, args: string): TransparencyProbe => ({
  name: `new WebSocket(${name})`,
  source: String.raw`async (h) => h.attempt(() => {
    const ws = h.track(new WebSocket(...${args}));
    return { url: ws.url, protocol: ws.protocol, readyState: ws.readyState, binaryType: ws.binaryType,
      bufferedAmount: ws.bufferedAmount, extensions: ws.extensions };
  })`,
});

export const CONSTRUCTOR_PROBES: TransparencyProbe[] = [
  construct('ws URL', "[h.url('/ws/echo')]"),
  construct('ws URL without a path', "['ws://' + location.host]"),
  construct('http: URL (converted to ws:)', "['http://' + location.host + '/ws/echo']"),
  construct('https: URL (converted to wss:)', "['https://' + location.host + '/ws/echo']"),
  construct('relative URL', "['/ws/echo?relative=1']"),
  construct('relative URL that is not a path', "['not a url']"),
  construct('unparsable URL', "['ws://[bad']"),
  construct('ws:// with empty host', "['ws://']"),
  construct('ftp: scheme', "['ftp://' + location.host + '/']"),
  construct('mailto: scheme', "['mailto:someone@example.com']"),
  construct('about:blank', "['about:blank']"),
  construct('URL with a fragment', "[h.url('/ws/echo#x')]"),
  construct('URL with an empty fragment', "[h.url('/ws/echo#')]"),
  construct('relative fragment only', "['#test']"),
  construct('space in host', "['ws://foo bar.invalid/']"),
  construct('blocked port', "['ws://127.0.0.1:1/']"),
  construct('URL object', "[new URL(h.url('/ws/echo?obj=1'))]"),
  construct('Symbol URL', '[Symbol("u")]'),
  construct('protocol string', "[h.url('/ws/echo'), 'echo']"),
  construct('protocol list', "[h.url('/ws/echo'), ['chat', 'echo']]"),
  construct('empty protocol list', "[h.url('/ws/echo'), []]"),
  construct('duplicate protocols', "[h.url('/ws/echo'), ['echo', 'echo']]"),
  construct('duplicate protocols differing in case', "[h.url('/ws/echo'), ['echo', 'eCho']]"),
  construct("protocol 'a b'", "[h.url('/ws/echo'), 'a b']"),
  construct("protocol ''", "[h.url('/ws/echo'), '']"),
  construct('non-ASCII protocol', "[h.url('/ws/echo'), '\\u00e9']"),
  construct('protocol with a comma', "[h.url('/ws/echo'), 'a,b']"),
  construct('protocol list with an invalid token', "[h.url('/ws/echo'), ['a', 'b c']]"),
  construct('protocol null', "[h.url('/ws/echo'), null]"),
  construct('protocol undefined', "[h.url('/ws/echo'), undefined]"),
  construct('protocol plain object', "[h.url('/ws/echo'), {}]"),
  construct('protocols from a Set', "[h.url('/ws/echo'), new Set(['echo', 'chat'])]"),
  construct('stray third argument', "[h.url('/ws/echo'), 'echo', 'Stray argument']"),

  {
    name: 'URL and protocol conversions run page code once, in order',
    source: String.raw`async (h) => {
      const log = [];
      const url = { toString() { log.push('url'); return h.url('/ws/echo'); } };
      const proto = { toString() { log.push('protocol'); return 'echo'; } };
      const list = ['chat', proto];
      const ws = h.track(new WebSocket(url, list));
      const iterable = { [Symbol.iterator]() { log.push('iterator'); return ['x', 'y'][Symbol.iterator](); } };
      const ws2 = h.track(new WebSocket(url, iterable));
      return { log, url: ws.url, url2: ws2.url };
    }`,
  },
  {
    name: 'throwing URL and protocol conversions propagate the very same object',
    source: String.raw`async (h) => {
      const boom = { boom: true };
      const log = [];
      const badUrl = { toString() { log.push('url'); throw boom; } };
      const proto = { toString() { log.push('protocol'); throw boom; } };
      const catchIt = (f) => { try { f(); return 'no throw'; } catch (e) { return e === boom; } };
      return { url: catchIt(() => new WebSocket(badUrl, [proto])), protocol: catchIt(() => new WebSocket(h.url('/ws/echo'), [proto])), log };
    }`,
  },
  {
    name: 'protocols from a page iterator: every step seen by the page',
    source: String.raw`async (h) => {
      const log = [];
      const spy = (label, value) => { log.push(label); return value; };
      const iterable = {
        get [Symbol.iterator]() {
          log.push('get @@iterator');
          return function () {
            log.push('call @@iterator:' + (this === iterable));
            let i = 0;
            const items = ['chat', { toString() { log.push('item toString'); return 'echo'; } }];
            const iterator = {
              get next() {
                log.push('get next');
                return function () {
                  log.push('call next:' + (this === iterator) + ':' + arguments.length);
                  const done = i >= items.length;
                  const value = items[i++];
                  return { get done() { return spy('get done', done); }, get value() { return spy('get value', value); } };
                };
              },
              get return() { log.push('get return'); return undefined; },
            };
            return iterator;
          };
        },
      };
      const ws = h.track(new WebSocket(h.url('/ws/echo'), iterable));
      await h.opened(ws);
      const make = (protocols) => h.attempt(() => { h.track(new WebSocket(h.url('/ws/echo'), protocols)); return 'created'; });
      const bad = [make({ [Symbol.iterator]: 5 }), make({ [Symbol.iterator]() { return 7; } }),
        make({ [Symbol.iterator]() { return { next: 3 }; } }), make({ [Symbol.iterator]() { return { next() { return 1; } }; } }),
        make({ [Symbol.iterator]() { return { next() { return { done: false, value: Symbol() }; } }; } }),
        make({ [Symbol.toPrimitive](hint) { log.push('toPrimitive ' + hint); return 'echo'; } }),
        make({ toString() { return {}; }, valueOf() { return 'v'; } }), make({ toString() { return Symbol(); } })];
      return { log, protocol: ws.protocol, bad };
    }`,
  },
  {
    name: 'protocol array with an index getter and a Proxy: reads seen by the page',
    source: String.raw`async (h) => {
      const log = [];
      const arr = ['chat'];
      Object.defineProperty(arr, 1, { get() { log.push('get 1'); return 'echo'; }, enumerable: true, configurable: true });
      const ws = h.track(new WebSocket(h.url('/ws/echo'), arr));
      const proxy = new Proxy(['echo', 'chat'], {
        get(t, k, r) { log.push('get ' + String(k)); return Reflect.get(t, k, r); },
        has(t, k) { log.push('has ' + String(k)); return Reflect.has(t, k); },
        getOwnPropertyDescriptor(t, k) { log.push('gOPD ' + String(k)); return Reflect.getOwnPropertyDescriptor(t, k); },
        getPrototypeOf(t) { log.push('getPrototypeOf'); return Reflect.getPrototypeOf(t); },
        ownKeys(t) { log.push('ownKeys'); return Reflect.ownKeys(t); },
      });
      const ws2 = h.track(new WebSocket(h.url('/ws/echo'), proxy));
      await h.opened(ws2);
      return { log, protocol2: ws2.protocol };
    }`,
  },
];
