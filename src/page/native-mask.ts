// Runs in the page's MAIN world. Makes our Proxies indistinguishable from the
// natives they wrap where a Proxy would otherwise show through:
// Function.prototype.toString (also when called from another frame's realm,
// see realm-bridge.ts) and Function.prototype's `caller`/`arguments`
// accessors, which check that their receiver is a real function.

import type { Natives } from './natives';
import { openRealmBridge } from './realm-bridge';

export interface NativeMask {
  /** A Proxy of `target` that stringifies and inspects as `target` does. */
  wrap<T extends object>(target: T, handler: ProxyHandler<T>): T;
}

export function installNativeMask(win: Window & typeof globalThis, natives: Natives): NativeMask {
  const n = natives;
  const originals = new WeakMap<object, object>();
  const nativeToString = n.functionToString;
  const originalOf = (value: unknown): object | undefined =>
    (typeof value === 'function' || typeof value === 'object') && value !== null
      ? (n.weakMapGet(originals, value) as object | undefined)
      : undefined;
  const bridge = openRealmBridge(win, n, (fn) => {
    const original = originalOf(fn);
    return original === undefined ? null : (n.apply(nativeToString, original, []) as string);
  });
  // What the native prints for any Proxy or bound function: the only output
  // that can stand for another realm's wrapped native.
  const anonymousNative = n.apply(nativeToString, new n.Proxy(function () {}, {}), []) as string;

  const wrap = <T extends object>(target: T, handler: ProxyHandler<T>): T => {
    const proxy = new n.Proxy(target, { ...handler, get: restrictedAccessorGet(n, () => proxy) }) as T;
    n.weakMapSet(originals, proxy, target);
    return proxy;
  };

  const toStringProxy = wrap(nativeToString, {
    apply(target, thisArg, args) {
      const original = originalOf(thisArg);
      if (original !== undefined) return n.apply(target, original, args);
      const text = n.apply(target, thisArg, args) as string;
      return text === anonymousNative ? (bridge.sourceElsewhere(thisArg) ?? text) : text;
    },
  });
  const descriptor = n.getOwnPropertyDescriptor(n.FunctionPrototype, 'toString');
  n.apply(Object.defineProperty, undefined, [n.FunctionPrototype, 'toString', { ...descriptor, value: toStringProxy }]);
  return { wrap };
}

/**
 * A `get` trap that forwards like no trap at all, except for `caller` and
 * `arguments` inherited from Function.prototype: those accessors throw for a
 * Proxy receiver, where the native answers (null for a DOM constructor in
 * Chromium, a TypeError with another message in Firefox). They get the
 * target as receiver instead, which is what the page would have seen.
 */
function restrictedAccessorGet(n: Natives, self: () => object): NonNullable<ProxyHandler<object>['get']> {
  const restricted = (key: PropertyKey) => key === 'caller' || key === 'arguments';
  const inherited = (target: object, key: string) => {
    // Only the browser's own accessor: a page's replacement must not be handed the unwrapped target.
    const own = n.getOwnPropertyDescriptor(n.FunctionPrototype, key);
    if (!own || own.get === undefined || own.get !== n.restrictedGetters[key]) return false;
    // Found on Function.prototype only if nothing nearer defines it.
    for (let o: object | null = target; o !== null && o !== n.FunctionPrototype; o = n.getPrototypeOf(o)) {
      if (n.getOwnPropertyDescriptor(o, key)) return false;
    }
    return true;
  };
  return (target, key, receiver) => {
    if (receiver === self() && restricted(key) && inherited(target, key as string)) return n.reflectGet(target, key, target);
    return n.reflectGet(target, key, receiver);
  };
}
