// Runs in the page's MAIN world. Names what a native send()/close() threw,
// for the record, without running page code (no `name` getter lookups).

import type { Natives } from './natives';

/**
 * The name of what a native call threw: a DOMException's name through the
 * captured getter, a built-in error's name from its prototype. Anything else
 * (an object thrown by the page's own toString) is just 'Error'.
 */
export function thrownName(error: unknown, n: Natives): string {
  try {
    return n.stringSlice(n.domExceptionName(error), 0, 64);
  } catch {
    // not a DOMException
  }
  try {
    if (typeof error !== 'object' || error === null) return 'Error';
    // Error.isError is a trap-free brand check: a Proxy thrown by page code
    // must not see our getPrototypeOf (older browsers lack it: then we look anyway).
    if (n.isError && !n.isError(error)) return 'Error';
    const proto = n.getPrototypeOf(error);
    return (proto !== null && (n.weakMapGet(n.errorNames, proto) as string | undefined)) || 'Error';
  } catch {
    return 'Error';
  }
}
