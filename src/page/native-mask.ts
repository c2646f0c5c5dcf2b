// Runs in the page's MAIN world. Our Proxies must stringify exactly like the
// natives they wrap (`String(WebSocket)` names the function), so
// Function.prototype.toString answers for a Proxy with its target's text.

import type { Natives } from './natives';

export interface NativeMask {
  /** Makes `proxy` stringify as `original` does. */
  register(proxy: object, original: object): void;
}

export function installNativeMask(win: typeof globalThis, natives: Natives): NativeMask {
  const originals = new WeakMap<object, object>();
  const nativeToString = natives.functionToString;
  const toStringProxy = new Proxy(nativeToString, {
    apply(target, thisArg, args) {
      const original = (typeof thisArg === 'function' || typeof thisArg === 'object') && thisArg !== null
        ? originals.get(thisArg)
        : undefined;
      return Reflect.apply(target, original ?? thisArg, args);
    },
  });
  originals.set(toStringProxy, nativeToString);
  const descriptor = Object.getOwnPropertyDescriptor(win.Function.prototype, 'toString');
  Object.defineProperty(win.Function.prototype, 'toString', { ...descriptor, value: toStringProxy });
  return {
    register(proxy, original) {
      originals.set(proxy, original);
    },
  };
}
