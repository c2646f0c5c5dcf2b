// Test pages that open one socket, act on it, and record everything the page
// itself saw, so tests can compare it with what reached the panel.

export interface PageSaw {
  type: 'open' | 'message' | 'error' | 'close' | 'threw';
  data?: string;
  code?: number;
  reason?: string;
  wasClean?: boolean;
  name?: string;
}

/**
 * A page whose first inline script opens `wsUrl` and runs `onOpen` (JS source,
 * with `ws` in scope) when it opens, and `immediately` right after construction. `window.__seen` collects what the page saw;
 * `window.__done` turns true at the close event.
 */
export function scenarioPage(wsUrl: string, onOpen = '', protocols: string[] = [], immediately = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><script>
  window.__seen = [];
  window.__done = false;
  const seen = window.__seen;
  const attempt = (fn) => { try { fn(); } catch (e) { seen.push({ type: 'threw', name: e.name }); } };
  const ws = new WebSocket(${JSON.stringify(wsUrl)}, ${JSON.stringify(protocols)});
  ws.binaryType = 'arraybuffer';
  ws.onopen = () => { seen.push({ type: 'open' }); attempt(() => { ${onOpen} }); };
  ws.onmessage = (e) => seen.push({ type: 'message', data: typeof e.data === 'string' ? e.data : '[binary]' });
  ws.onerror = () => seen.push({ type: 'error' });
  ws.onclose = (e) => { seen.push({ type: 'close', code: e.code, reason: e.reason, wasClean: e.wasClean }); window.__done = true; };
  window.__ws = ws;
  attempt(() => { ${immediately} });
  </script></head><body>scenario</body></html>`;
}

/** What the page saw, mapped to the record types the panel's timeline holds. */
export function asTimelineTypes(seen: PageSaw[]): string[] {
  const map: Record<string, string> = { open: 'open', message: 'received', error: 'error', close: 'closed' };
  return seen.filter((s) => s.type in map).map((s) => map[s.type]!);
}
