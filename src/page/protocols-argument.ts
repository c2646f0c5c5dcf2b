// Runs in the page's MAIN world. `new WebSocket(url, protocols)` converts
// `protocols` once: WebIDL (DOMString or sequence<DOMString>) reads it through
// its iterator, or else turns it into a string. Reading it again afterwards to
// learn what the page asked for would run the page's getters, Proxy traps and
// toString a second time. So the native constructor gets a stand-in that
// performs each of those steps on the page's value at the moment the native
// asks for it, in the same order, and notes the strings as they go by.
// @see WebIDL §3.2.24 (union conversion), §3.2.19 (creating a sequence from an iterable)

import type { Natives } from './natives';

const MAX_NOTED = 64;

export interface ProtocolsArgument {
  /** What to pass to the native constructor instead of the page's value. */
  arg: unknown;
  /** Filled while the native converts `arg`. */
  requested: string[];
}

const isObject = (value: unknown): value is object =>
  (typeof value === 'object' && value !== null) || typeof value === 'function';

export function protocolsArgument(value: unknown, n: Natives): ProtocolsArgument {
  const requested: string[] = [];
  const note = (item: unknown) => {
    // Only primitives: they convert without running page code.
    if (!isObject(item) && typeof item !== 'symbol' && item !== undefined && requested.length < MAX_NOTED) {
      n.append(requested, `${item as string}`);
    }
  };
  if (!isObject(value)) {
    if (value !== undefined) note(value);
    return { arg: value, requested };
  }
  const standIn = n.bare({});
  n.defineProperty(standIn, n.iteratorSymbol, n.bare({ get: () => iteratorMethod(value, n, note), configurable: true }));
  n.defineProperty(standIn, n.toPrimitiveSymbol, n.bare({ value: () => toPrimitiveString(value, n, note), configurable: true }));
  return { arg: standIn, requested };
}

/**
 * GetMethod(value, @@iterator), once. Nullish: the native falls back to a
 * string (our @@toPrimitive). Not callable: handed over, so the native throws
 * its own TypeError. Callable: a method yielding a view of the page's iterator.
 */
function iteratorMethod(value: object, n: Natives, note: (item: unknown) => void): unknown {
  const method = (value as Record<symbol, unknown>)[n.iteratorSymbol];
  if (method === undefined || method === null) return undefined;
  if (typeof method !== 'function') return method;
  return () => {
    const iterator: unknown = n.apply(method, value, []);
    if (!isObject(iterator)) return iterator;
    const callable = (fn: unknown, wrap: (fn: (...args: unknown[]) => unknown) => unknown) => (typeof fn === 'function' ? wrap(fn as never) : fn);
    return lazyView(n, iterator, {
      next: (next) => callable(next, (fn) => () => {
        const result: unknown = n.apply(fn, iterator, []);
        if (!isObject(result)) return result;
        return lazyView(n, result, { done: (done) => done, value: (item) => (note(item), item) });
      }),
      return: (ret) => callable(ret, (fn) => (...args: unknown[]) => n.apply(fn, iterator, args)),
    });
  };
}

/**
 * A prototype-less object whose properties read `source`'s own (a Get each
 * time the native reads ours, so the page sees its reads in the native's
 * order and number, which differ between browsers), passed through `adapt`.
 */
function lazyView(n: Natives, source: object, fields: Record<string, (value: unknown) => unknown>): object {
  const view = n.bare({});
  const names = n.keys(fields);
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const adapt = fields[name]!;
    n.defineProperty(view, name, n.bare({ get: () => adapt((source as Record<string, unknown>)[name]), configurable: true }));
  }
  return view;
}

/** ToPrimitive(value, hint string), as the native's ToString would run it. */
function toPrimitiveString(value: object, n: Natives, note: (item: unknown) => void): unknown {
  const exotic = (value as Record<symbol, unknown>)[n.toPrimitiveSymbol];
  if (exotic !== undefined && exotic !== null) {
    const result: unknown = n.apply(exotic as () => unknown, value, ['string']);
    if (isObject(result)) throw new n.TypeError('Cannot convert object to primitive value');
    note(result);
    return result;
  }
  for (let i = 0; i < 2; i++) {
    const method = (value as Record<string, unknown>)[i === 0 ? 'toString' : 'valueOf'];
    if (typeof method === 'function') {
      const result: unknown = n.apply(method, value, []);
      if (!isObject(result)) {
        note(result);
        return result;
      }
    }
  }
  throw new n.TypeError('Cannot convert object to primitive value');
}
