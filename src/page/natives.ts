// Runs in the page's MAIN world. Captures the built-ins the hook relies on
// before any page script runs, so a page that later replaces JSON,
// dispatchEvent or a getter cannot change what the hook sees or does.

function getter<T>(proto: object, name: string): (self: object) => T {
  const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
  if (!get) throw new Error(`no getter ${name}`);
  return (self) => Reflect.apply(get, self, []) as T;
}

export function captureNatives(win: typeof globalThis) {
  const WS = win.WebSocket;
  const wsProto = WS.prototype;
  const eventProto = win.EventTarget.prototype;
  return {
    WebSocket: WS,
    wsProto,
    send: wsProto.send,
    close: wsProto.close,
    addEventListener: eventProto.addEventListener,
    dispatchEvent: eventProto.dispatchEvent,
    CustomEvent: win.CustomEvent,
    stringify: JSON.stringify,
    parse: JSON.parse,
    queueMicrotask: win.queueMicrotask.bind(win),
    now: win.performance.now.bind(win.performance),
    timeOrigin: win.performance.timeOrigin,
    functionToString: win.Function.prototype.toString,
    ArrayBuffer: win.ArrayBuffer,
    isView: win.ArrayBuffer.isView,
    Blob: win.Blob,
    blobSlice: win.Blob.prototype.slice,
    blobArrayBuffer: win.Blob.prototype.arrayBuffer,
    Uint8Array: win.Uint8Array,
    Error: win.Error,
    location: win.location,
    ws: {
      url: getter<string>(wsProto, 'url'),
      readyState: getter<number>(wsProto, 'readyState'),
      bufferedAmount: getter<number>(wsProto, 'bufferedAmount'),
      protocol: getter<string>(wsProto, 'protocol'),
      extensions: getter<string>(wsProto, 'extensions'),
    },
    messageData: getter<unknown>(win.MessageEvent.prototype, 'data'),
    closeEvent: {
      code: getter<number>(win.CloseEvent.prototype, 'code'),
      reason: getter<string>(win.CloseEvent.prototype, 'reason'),
      wasClean: getter<boolean>(win.CloseEvent.prototype, 'wasClean'),
    },
    eventDetail: getter<unknown>(win.CustomEvent.prototype, 'detail'),
    blobSize: getter<number>(win.Blob.prototype, 'size'),
    byteLength: getter<number>(win.ArrayBuffer.prototype, 'byteLength'),
    locationHref: () => win.location.href,
    view: captureViewGetters(win),
  };
}

export type Natives = ReturnType<typeof captureNatives>;


/** Byte access to a view without touching page-overridable properties. */
function captureViewGetters(win: typeof globalThis) {
  const taProto = Object.getPrototypeOf(win.Uint8Array.prototype) as object;
  const dvProto = win.DataView.prototype;
  const ta = {
    buffer: getter<ArrayBuffer>(taProto, 'buffer'),
    byteOffset: getter<number>(taProto, 'byteOffset'),
    byteLength: getter<number>(taProto, 'byteLength'),
  };
  const dv = {
    buffer: getter<ArrayBuffer>(dvProto, 'buffer'),
    byteOffset: getter<number>(dvProto, 'byteOffset'),
    byteLength: getter<number>(dvProto, 'byteLength'),
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
