// Runs in the page's MAIN world. The JavaScript built-ins the hook calls after
// install, captured before any page script runs and called through the
// captured Reflect.apply. A page can replace or wrap any built-in (zone.js
// wraps Promise#then, prototype.js adds Array#toJSON, a bot check counts
// calls to String#slice); the hook must neither trigger those nor depend on them.
// Inside the hook: no method calls on built-in prototypes, no `instanceof`
// (a page may define Symbol.hasInstance), no iteration or spread of arrays,
// no promises (n.cheapMicrotask is the one safe use of one); use these instead.

export function capturePrimordials(win: typeof globalThis) {
  const R = win.Reflect;
  const O = win.Object;
  const apply = R.apply;
  // fn.call bound once: `uncurried(self, a, b)` is `fn.call(self, a, b)` with
  // no array built per call and nothing looked up on the page's prototypes.
  const call = win.Function.prototype.call;
  const bind = win.Function.prototype.bind;
  const uncurry = <A extends unknown[], T>(fn: (...args: A) => T) =>
    apply(bind, call, [fn]) as (self: unknown, ...args: A) => T;
  const defineProperty = R.defineProperty;
  const create = O.create;
  const keys = O.keys;
  return {
    apply,
    construct: R.construct,
    reflectGet: R.get,
    defineProperty,
    getOwnPropertyDescriptor: R.getOwnPropertyDescriptor,
    getPrototypeOf: R.getPrototypeOf,
    keys,
    stringify: win.JSON.stringify,
    parse: win.JSON.parse,
    isFinite: win.Number.isFinite,
    isArray: win.Array.isArray,
    stringSlice: uncurry(win.String.prototype.slice),
    stringIndexOf: uncurry(win.String.prototype.indexOf),
    charCodeAt: uncurry(win.String.prototype.charCodeAt),
    weakMapGet: uncurry(win.WeakMap.prototype.get) as (map: WeakMap<object, unknown>, key: unknown) => unknown,
    weakMapSet: uncurry(win.WeakMap.prototype.set) as (map: WeakMap<object, unknown>, key: object, value: unknown) => void,
    iteratorSymbol: win.Symbol.iterator,
    toPrimitiveSymbol: win.Symbol.toPrimitive,
    TypeError: win.TypeError,
    /** An object without a prototype: reading a missing key never reaches a page getter. */
    bare: <T extends object>(fields: T): T => {
      const target = create(null) as T;
      const names = keys(fields);
      for (let i = 0; i < names.length; i++) defineProperty(target, names[i]!, dataDescriptor((fields as Record<string, unknown>)[names[i]!]));
      return target;
    },
    append,
    /**
     * A table indexed by slot number, for what is stored at a growing index:
     * it has no prototype, so `table[i] = value` on a new index never reaches
     * a setter a page put on Array.prototype or Object.prototype, and costs a
     * plain store (append's defineProperty costs several times that).
     */
    slotTable: <T>(): Record<number, T> => create(null) as Record<number, T>,
    /** array.slice(start, end) without Array#slice, which would consult Array[Symbol.species]. */
    arraySlice: <T>(array: readonly T[], start: number, end = array.length): T[] => {
      const copy: T[] = [];
      for (let i = start; i < end && i < array.length; i++) append(copy, array[i]!);
      return copy;
    },
  };

  /**
   * arr.push(value) without Array#push, and without `arr[i] = value`
   * (which would call a setter a page defined on Array.prototype[i]).
   */
  function append<T>(array: T[], value: T): void {
    defineProperty(array, array.length, dataDescriptor(value));
  }

  function dataDescriptor(value: unknown): PropertyDescriptor {
    // A descriptor is read with Get: it must not inherit `get`/`set` from a page-touched Object.prototype.
    const descriptor = create(null) as PropertyDescriptor;
    descriptor.value = value;
    descriptor.writable = true;
    descriptor.enumerable = true;
    descriptor.configurable = true;
    return descriptor;
  }
}

export type Primordials = ReturnType<typeof capturePrimordials>;
