// Runs in the page's MAIN world. The call stack of a page's WebSocket call,
// trimmed to the page's own frames (our extension frames removed).

import type { Natives } from './natives';

const MAX_STACK_CHARS = 4096;

export function captureStack(natives: Natives): string {
  try {
    // A page-installed V8 prepareStackTrace would run on our read: skip instead.
    if ((natives.Error as unknown as { prepareStackTrace?: unknown }).prepareStackTrace !== undefined) return '';
    const raw = new natives.Error().stack;
    if (typeof raw !== 'string') return '';
    return raw
      .split('\n')
      .filter((line) => line.trim() !== 'Error' && !/(chrome|moz)-extension:\/\//.test(line))
      .join('\n')
      .slice(0, MAX_STACK_CHARS);
  } catch {
    return '';
  }
}
