// Runs in the page's MAIN world. Captures the web platform objects the hook
// relies on before any page script runs, so a page that later replaces
// dispatchEvent, a getter or a constructor cannot change what the hook sees
// or notice that it is called. Getters are called on the captured function:
// they check their receiver's brand and never run page code.

import { capturePrimordials, type Primordials } from './primordials';

/** The arguments of every getter call: Reflect.apply only reads its length, so one array serves all. */
const NO_ARGS: never[] = [];

function getterOf(p: Primordials, owner: object, name: string): (self: unknown) => unknown {
  const get = p.getOwnPropertyDescriptor(owner, name)?.get;
  if (!get) throw new Error(`no getter ${name}`);
  return (self) => p.apply(get, self, NO_ARGS);
}

export function captureNatives(win: typeof globalThis) {
  const p = capturePrimordials(win);
  const get = <T>(owner: object, name: string) => getterOf(p, owner, name) as (self: unknown) => T;
  const WS = win.WebSocket;
  const wsProto = WS.prototype;
  const eventProto = win.EventTarget.prototype;
  return {
    ...p,
    WebSocket: WS,
    wsProto,
    send: wsProto.send,
    close: wsProto.close,
    addEventListener: eventProto.addEventListener,
    dispatchEvent: eventProto.dispatchEvent,
    CustomEvent: win.CustomEvent,
    queueMicrotask: win.queueMicrotask.bind(win),
    cheapMicrotask: promiseMicrotask(win, p),
    setTimeout: win.setTimeout.bind(win),
    now: win.performance.now.bind(win.performance),
    timeOrigin: win.performance.timeOrigin,
    functionToString: win.Function.prototype.toString,
    FunctionPrototype: win.Function.prototype,
    /** Function.prototype's own `caller`/`arguments` getters, as the browser made them. */
    restrictedGetters: {
      caller: p.getOwnPropertyDescriptor(win.Function.prototype, 'caller')?.get,
      arguments: p.getOwnPropertyDescriptor(win.Function.prototype, 'arguments')?.get,
    } as Record<string, unknown>,
    ObjectPrototype: win.Object.prototype,
    Proxy: win.Proxy,
    Uint8Array: win.Uint8Array,
    Float64Array: win.Float64Array,
    ArrayBuffer: win.ArrayBuffer,
    /** %TypedArray%.prototype.set: copies from a typed array by its internal slots, reading no property. */
    typedArraySet: (Object.getPrototypeOf(win.Uint8Array.prototype) as Uint8Array).set,
    FileReader: win.FileReader,
    readAsArrayBuffer: win.FileReader.prototype.readAsArrayBuffer,
    readerResult: get<unknown>(win.FileReader.prototype, 'result'),
    blobSlice: win.Blob.prototype.slice,
    encodeInto: win.TextEncoder.prototype.encodeInto,
    encoder: new win.TextEncoder(),
    Error: win.Error,
    /** Firefox keeps `stack` as an accessor on Error.prototype; V8 on each error. */
    errorStack: p.getOwnPropertyDescriptor(win.Error.prototype, 'stack')?.get
      ? get<unknown>(win.Error.prototype, 'stack')
      : null,
    isView: win.ArrayBuffer.isView,
    ws: {
      url: get<string>(wsProto, 'url'),
      readyState: get<number>(wsProto, 'readyState'),
      bufferedAmount: get<number>(wsProto, 'bufferedAmount'),
      protocol: get<string>(wsProto, 'protocol'),
      extensions: get<string>(wsProto, 'extensions'),
    },
    /** Own [LegacyUnforgeable] accessor of every event, so read from an instance. */
    isTrusted: get<boolean>(new win.Event('x'), 'isTrusted'),
    messageData: get<unknown>(win.MessageEvent.prototype, 'data'),
    closeEvent: {
      code: get<number>(win.CloseEvent.prototype, 'code'),
      reason: get<string>(win.CloseEvent.prototype, 'reason'),
      wasClean: get<boolean>(win.CloseEvent.prototype, 'wasClean'),
    },
    eventDetail: get<unknown>(win.CustomEvent.prototype, 'detail'),
    /** Brand checks: these getters throw for anything but their own kind (Proxies included), running no page code. */
    blobSize: get<number>(win.Blob.prototype, 'size'),
    byteLength: get<number>(win.ArrayBuffer.prototype, 'byteLength'),
    domExceptionName: get<string>(win.DOMException.prototype, 'name'),
    errorNames: errorNames(win, p),
    isError: (win.Error as unknown as { isError?: (value: unknown) => boolean }).isError,
    locationHref: () => win.location.href,
    document: win.document,
    MutationObserver: win.MutationObserver,
    observe: win.MutationObserver.prototype.observe,
    windowTop: get<Window>(win, 'top'),
    windowLength: get<number>(win, 'length'),
    view: captureViewGetters(win, get),
  };
}

export type Natives = ReturnType<typeof captureNatives>;

/** Prototype → name for the errors a native call can throw besides DOMException. */
function errorNames(win: typeof globalThis, p: Primordials): WeakMap<object, string> {
  const names = new WeakMap<object, string>();
  // Literal names: reading a constructor's `name` makes Firefox materialize it,
  // which reorders Reflect.ownKeys(Error) as the page sees it.
  p.weakMapSet(names, win.Error.prototype, 'Error');
  p.weakMapSet(names, win.TypeError.prototype, 'TypeError');
  p.weakMapSet(names, win.RangeError.prototype, 'RangeError');
  p.weakMapSet(names, win.SyntaxError.prototype, 'SyntaxError');
  p.weakMapSet(names, win.ReferenceError.prototype, 'ReferenceError');
  return names;
}

/** Byte access to a view without touching page-overridable properties. */
function captureViewGetters(win: typeof globalThis, get: <T>(owner: object, name: string) => (self: unknown) => T) {
  const taProto = Object.getPrototypeOf(win.Uint8Array.prototype) as object;
  const dvProto = win.DataView.prototype;
  const ta = {
    buffer: get<ArrayBuffer>(taProto, 'buffer'),
    byteOffset: get<number>(taProto, 'byteOffset'),
    byteLength: get<number>(taProto, 'byteLength'),
  };
  const dv = {
    buffer: get<ArrayBuffer>(dvProto, 'buffer'),
    byteOffset: get<number>(dvProto, 'byteOffset'),
    byteLength: get<number>(dvProto, 'byteLength'),
  };
  const isDataView = (view: object) => {
    try {
      dv.byteLength(view);
      return true;
    } catch {
      return false;
    }
  };
  return {
    /** [buffer, offset, length] of any ArrayBufferView. */
    window(view: ArrayBufferView): [ArrayBuffer, number, number] {
      const g = isDataView(view) ? dv : ta;
      return [g.buffer(view), g.byteOffset(view), g.byteLength(view)];
    },
  };
}

/**
 * Queues `job` (which must not throw) as a microtask through a resolved
 * promise of our own: a reaction job is V8's, where queueMicrotask wraps a
 * Blink callback (in Chromium ~1.4 µs a task against ~0.2 µs). An own
 * `constructor` of undefined makes then() build its result with the built-in
 * Promise, so nothing a page can replace (Promise.prototype.constructor,
 * Promise[Symbol.species]) is looked up.
 */
function promiseMicrotask(win: typeof globalThis, p: Primordials): (job: () => void) => void {
  const then = win.Promise.prototype.then;
  const resolved = p.apply(win.Promise.resolve, win.Promise, [undefined]) as Promise<void>;
  p.defineProperty(resolved, 'constructor', { value: undefined });
  return (job) => {
    p.apply(then, resolved, [job]);
  };
}
