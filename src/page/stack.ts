// Runs in the page's MAIN world. The call stack of a page's WebSocket call,
// trimmed to the page's own frames (our extension frames removed).

import type { Natives } from './natives';

const MAX_STACK_CHARS = 4096;

/**
 * Reading an Error's stack makes V8 look up Error.prepareStackTrace (with a
 * plain Get: a page's getter there would run, and a page's function would be
 * called with our frames). If the page put anything under that name where
 * V8 looks, or made stackTraceLimit an accessor, we record no stack at all.
 */
function pageTouchedStackApi(n: Natives): boolean {
  const key = 'prepareStackTrace';
  const g = n.getOwnPropertyDescriptor;
  if (g(n.Error, key) || g(n.FunctionPrototype, key) || g(n.ObjectPrototype, key)) return true;
  const limit = n.getOwnPropertyDescriptor(n.Error, 'stackTraceLimit');
  return limit !== undefined && !('value' in limit);
}

/** The stack text of `error`, read from its own data property or the captured accessor (Firefox). */
function stackText(n: Natives, error: Error): unknown {
  const own = n.getOwnPropertyDescriptor(error, 'stack');
  if (own) return 'value' in own ? own.value : own.get ? n.apply(own.get, error, []) : undefined;
  return n.errorStack ? n.errorStack(error) : undefined;
}

export function captureStack(n: Natives): string {
  try {
    if (pageTouchedStackApi(n)) return '';
    const raw = stackText(n, new n.Error());
    if (typeof raw !== 'string') return '';
    let kept = '';
    let start = 0;
    while (start <= raw.length && kept.length < MAX_STACK_CHARS) {
      let end = n.stringIndexOf(raw, '\n', start);
      if (end === -1) end = raw.length;
      const line = n.stringSlice(raw, start, end);
      const ours =
        n.stringIndexOf(line, 'chrome-extension://') !== -1 ||
        n.stringIndexOf(line, 'moz-extension://') !== -1 ||
        // Firefox names MAIN-world content-script code "<anonymous code>": our frames top the stack.
        (kept === '' && n.stringIndexOf(line, '<anonymous code>') !== -1);
      if (line !== 'Error' && line !== '' && !ours) kept += (kept === '' ? '' : '\n') + line;
      start = end + 1;
    }
    return n.stringSlice(kept, 0, MAX_STACK_CHARS);
  } catch {
    return '';
  }
}
