// Transparency probes: send(), close(), bufferedAmount and binaryType as the
// page sees them: return values, exceptions, argument conversions (page code
// runs exactly once), what the server echoes back. WPT Send-*, Close-*,
// close-invalid, binaryType-wrong-value.

import type { TransparencyProbe } from './transparency-harness';

/**
 * One probe per close() argument list, on an OPEN echo socket: the outcome,
 * readyState right after, and the close event when the call went through.
 */
const closeWith = (args: string): TransparencyProbe => ({
  name: `close(${args})`,
  source: String.raw`async (h) => {
    const ws = await h.echo();
    const done = h.closed(ws);
    const outcome = h.attempt(() => ws.close(${args}));
    const readyState = ws.readyState;
    if (outcome.threw) return { outcome, readyState, bufferedAmount: ws.bufferedAmount };
    return { outcome, readyState, event: await done };
  }`,
});

export const IO_PROBES: TransparencyProbe[] = [
  {
    name: 'send() while CONNECTING throws InvalidStateError and changes nothing',
    source: String.raw`async (h) => {
      const ws = h.make('/ws/echo');
      const outcome = h.attempt(() => ws.send('too early'));
      const after = [ws.readyState, ws.bufferedAmount];
      await h.opened(ws);
      ws.send('now');
      return { outcome, after, echo: await h.messages(ws, 1) };
    }`,
  },
  {
    name: 'send() and close() on the wrong this, or without arguments',
    source: String.raw`async (h) => {
      const { send, close } = WebSocket.prototype;
      const ws = await h.echo();
      return [() => send.call({}, 'x'), () => close.call({}), () => send.call(null, 'x'), () => close.call(undefined),
        () => send.call(Object.create(WebSocket.prototype), 'x'), () => close.call(new EventTarget()),
        () => send.call(WebSocket, 'x'), () => ws.send(), () => send.apply(ws, []), () => Reflect.apply(close, 1, [])].map(h.attempt);
    }`,
  },
  {
    name: 'bufferedAmount grows synchronously by UTF-8 bytes (text)',
    source: String.raw`async (h) => {
      const ws = await h.echo();
      const seen = [ws.bufferedAmount];
      for (const data of ['hello', '\u00a5\u00a5\u00a5\u00a5\u00a5\u00a5', '\uD801\uDC07', '\uD807', '', 123, null, true, undefined]) {
        ws.send(data);
        seen.push(ws.bufferedAmount);
      }
      await h.messages(ws, 9);
      return seen;
    }`,
  },
  {
    name: 'bufferedAmount grows synchronously by byte length (binary)',
    source: String.raw`async (h) => {
      const ws = await h.echo('arraybuffer');
      const buffer = new ArrayBuffer(16);
      const items = [new ArrayBuffer(7), new Uint8Array(10).subarray(2, 5), new DataView(buffer, 1, 4), new Blob(['abc']),
        new Float64Array(2), new Int16Array(buffer, 2, 3), new Uint8Array(0)];
      const seen = [ws.bufferedAmount];
      for (const data of items) { ws.send(data); seen.push(ws.bufferedAmount); }
      await h.messages(ws, items.length);
      return seen;
    }`,
  },
  {
    name: 'send of strings and primitives: what the server echoes',
    source: String.raw`async (h) => {
      const ws = await h.echo();
      const items = ['plain', '\uD807 lone', 'a\uD800b', String.fromCharCode(0xff, 0xfe, 0), 123, 1.5, -0, null, true, undefined, 12345678901234567890n];
      const outcomes = items.map((d) => h.attempt(() => ws.send(d)));
      const echoes = await h.messages(ws, outcomes.filter((o) => !o.threw).length);
      return { outcomes, echoes };
    }`,
  },
  {
    name: 'send of binary data: what the server echoes (binaryType arraybuffer)',
    source: String.raw`async (h) => {
      const ws = await h.echo('arraybuffer');
      const bytes = Uint8Array.from({ length: 12 }, (_, i) => i * 17);
      const items = [bytes.buffer, bytes.subarray(3, 7), new DataView(bytes.buffer, 5, 4), new Int16Array(bytes.buffer, 2, 2),
        new Float32Array([1.5]), new Blob([bytes.subarray(0, 3), 'tail']), new Uint8Array(0).buffer];
      items.forEach((d) => ws.send(d));
      const echoes = await h.messages(ws, items.length);
      return Promise.all(echoes.map(h.describe));
    }`,
  },
  {
    name: 'binary echoes arrive as Blob by default',
    source: String.raw`async (h) => {
      const ws = await h.echo();
      ws.send(new Uint8Array([1, 2, 3]));
      ws.send(new Blob(['\u0000'.repeat(65000)]));
      const [small, large] = await h.messages(ws, 2);
      return { small: await h.describe(small), isBlob: large instanceof Blob, size: large.size, type: large.type };
    }`,
  },
  {
    name: 'send(object) calls its toString exactly once',
    source: String.raw`async (h) => {
      const ws = await h.echo();
      const log = [];
      ws.send({ toString() { log.push('toString'); return 'from toString'; }, valueOf() { log.push('valueOf'); return 1; } });
      ws.send({ [Symbol.toPrimitive](hint) { log.push('toPrimitive:' + hint); return 'from toPrimitive'; } });
      ws.send(new String('boxed'));
      ws.send([1, [2, 3]]);
      return { log, echoes: await h.messages(ws, 4) };
    }`,
  },
  {
    name: 'send(object) whose conversion throws propagates the very same object',
    source: String.raw`async (h) => {
      const ws = await h.echo();
      const boom = new RangeError('boom');
      let calls = 0;
      let same;
      try { ws.send({ toString() { calls++; throw boom; } }); } catch (e) { same = e === boom; }
      const symbol = h.attempt(() => ws.send(Symbol('s')));
      return { same, calls, symbol, bufferedAmount: ws.bufferedAmount, readyState: ws.readyState };
    }`,
  },
  {
    name: 'send(Proxy) runs exactly the traps the browser runs',
    source: String.raw`async (h) => {
      const ws = await h.echo();
      const log = [];
      const handler = {};
      for (const trap of ['get', 'has', 'getPrototypeOf', 'getOwnPropertyDescriptor', 'ownKeys', 'isExtensible', 'defineProperty']) {
        handler[trap] = (...args) => { log.push(trap + (typeof args[1] === 'string' || typeof args[1] === 'symbol' ? ' ' + String(args[1]) : '')); return Reflect[trap](...args); };
      }
      ws.send(new Proxy({ toString() { return 'proxied'; } }, handler));
      return { log, echo: await h.messages(ws, 1) };
    }`,
  },
  {
    name: 'send after close() keeps the CLOSING rules',
    source: String.raw`async (h) => {
      const ws = await h.echo();
      ws.close();
      const outcome = h.attempt(() => ws.send('after close'));
      const event = await h.closed(ws);
      const late = h.attempt(() => ws.send('after closed'));
      return { outcome, event, late, bufferedAmount: ws.bufferedAmount };
    }`,
  },
  closeWith('1001'),
  closeWith("1000, 'x'.repeat(124)"),
  closeWith("1000, 'x'.repeat(123)"),
  closeWith("4000, '\\u00a5'.repeat(62)"),
  closeWith('999.5'),
  closeWith('4999.5'),
  closeWith('1000.4'),
  closeWith("undefined, 'bye'"),
  closeWith('undefined'),
  closeWith(''),
  closeWith('0'),
  closeWith('NaN'),
  closeWith("'string'"),
  closeWith('null'),
  closeWith('66536'),
  closeWith('Infinity'),
  closeWith("1005, 'reserved'"),
  closeWith("2999, 'r'"),
  closeWith('5000'),
  closeWith("3000, ''"),
  closeWith("4999, 'last private'"),
  closeWith("1000, 'Clean Close'"),
  closeWith("1000, '\\uD807'"),
  closeWith('Symbol()'),
  closeWith('1000, Symbol()'),
  closeWith('1000n'),
  {
    name: 'close(object code, object reason) converts each exactly once, in order',
    source: String.raw`async (h) => {
      const ws = await h.echo();
      const log = [];
      const done = h.closed(ws);
      ws.close({ valueOf() { log.push('code.valueOf'); return 4000; }, toString() { log.push('code.toString'); return '4001'; } },
        { toString() { log.push('reason.toString'); return 'bye'; }, valueOf() { log.push('reason.valueOf'); return 'no'; } });
      return { log, event: await done };
    }`,
  },
  {
    name: 'close(object code) that is invalid after conversion, and a throwing conversion',
    source: String.raw`async (h) => {
      const ws = await h.echo();
      const log = [];
      const invalid = h.attempt(() => ws.close({ valueOf() { log.push('valueOf 1001'); return 1001; } }, { toString() { log.push('reason'); return 'r'; } }));
      const boom = { boom: 1 };
      let same;
      try { ws.close({ valueOf() { log.push('valueOf throws'); throw boom; } }, { toString() { log.push('reason 2'); return 'r'; } }); } catch (e) { same = e === boom; }
      return { invalid, same, log, readyState: ws.readyState };
    }`,
  },
  {
    name: 'close() while CONNECTING',
    source: String.raw`async (h) => {
      const ws = h.make('/ws/echo');
      const events = [];
      ['open', 'error', 'close'].forEach((t) => ws.addEventListener(t, (e) => events.push(t + (t === 'close' ? ':' + e.code + ':' + e.wasClean : ''))));
      const done = h.closed(ws);
      const outcome = h.attempt(() => ws.close());
      const readyState = ws.readyState;
      return { outcome, readyState, event: await done, events };
    }`,
  },
  {
    name: 'close() twice and inside onclose: one close event, readyState CLOSING at once',
    source: String.raw`async (h) => {
      const ws = await h.echo();
      let closes = 0;
      const nested = [];
      ws.onclose = () => { closes++; nested.push(h.attempt(() => ws.close(4000, 'again')), ws.readyState); };
      ws.close(3000, 'first');
      const first = ws.readyState;
      ws.close(3001, 'second');
      ws.close();
      const event = await h.closed(ws);
      await h.tick();
      return { first, event, closes, nested };
    }`,
  },
  {
    name: 'binaryType default, setting and invalid values',
    source: String.raw`async (h) => {
      const ws = h.make('/ws/echo');
      const seen = [ws.binaryType];
      for (const v of ['arraybuffer', 'notBlobOrArrayBuffer', 'blob', 'ARRAYBUFFER', '', 0]) {
        seen.push(h.attempt(() => { ws.binaryType = v; return ws.binaryType; }));
      }
      return { seen, own: h.keys(ws), descriptor: h.desc(WebSocket.prototype, 'binaryType') };
    }`,
  },
];
