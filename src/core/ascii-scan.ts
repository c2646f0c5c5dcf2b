// Where a string stops being pure ASCII, found natively. Which native call is
// fast depends on the engine: V8 (Chromium) searches a one-range character
// class with SIMD, while its TextEncoder is slow; SpiderMonkey (Firefox) is
// the other way round. Measured on 1 MiB of ASCII JSON (2 cores, AMD EPYC):
// Chromium 156: /[\x80-\uffff]/ search 46 µs, TextEncoder.encodeInto 861 µs;
// Firefox ESR 153: 525 µs and 185 µs. (Node 20's older V8 has no SIMD search
// either; the core benchmark therefore runs in the browsers.)

/** Any code unit that is not ASCII: one range, which is what V8 vectorises. */
const NON_ASCII = /[\x80-\uffff]/g;
const regexpTest = RegExp.prototype.test;
const apply = Reflect.apply;

/**
 * Use firstNonAscii (a regex search) rather than TextEncoder.encodeInto to
 * prove stretches pure ASCII: in V8, which makes `stack` an own property of
 * each error (SpiderMonkey keeps it as an accessor on Error.prototype). Read
 * at load, before any page script runs (the hook bundles this module).
 */
export const SEARCH_PROVES_ASCII = !Object.getOwnPropertyDescriptor(Error.prototype, 'stack')?.get;

/** Index of the first code unit ≥ 0x80 in `text` at or after `from`, or `text.length` when there is none. */
export function firstNonAscii(text: string, from: number): number {
  NON_ASCII.lastIndex = from;
  return apply(regexpTest, NON_ASCII, [text]) ? NON_ASCII.lastIndex - 1 : text.length;
}
