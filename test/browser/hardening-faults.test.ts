// Faults around the panel (issue 6 §2): the panel or the real DevTools closed
// and reopened mid-stream, reloads, same- and cross-origin navigations, the
// back/forward cache, an iframe removed mid-stream, and a socket whose page
// navigates away in the same task. In each, what the pages saw (recorded in
// the page, and in localStorage for documents that are gone) is compared with
// what reached the panel's store, and "preserve log" is honoured.

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type BrowserName, type LaunchedBrowser } from './support/browsers';
import { closeDevTools, openDevToolsFor } from './support/devtools-panel';
import { useBrowserWithServer } from './support/fixture';
import { openPanelTab } from './support/panel';
import { readHistory, setPreserveLog, ticks, waitForHistory, type HistoryConnection, type PanelHistory } from './support/panel-history';
import { startScenarioServer, type ScenarioServer } from '../server/scenario-server';

/**
 * A page's toolkit, shared by every test page: `__stream(label)` opens a
 * `stream` socket and records every payload in order (`__saw[url]`, and the
 * count in localStorage so it outlives the document); `__quick(label)` opens
 * a socket the server closes with 4000 at once. The ws URL carries a random
 * per-document key, so each socket is told apart in the panel.
 */
function toolkit(wsOrigin: string): string {
  return `<script>
    window.__key = Math.random().toString(36).slice(2);
    window.__saw = {};
    window.__closed = {};
    window.__sockets = {};
    window.__shows = [];
    window.__stream = (label, every = 10) => {
      const url = ${JSON.stringify(wsOrigin)} + '/ws/stream?every=' + every + '&doc=' + window.__key + '&label=' + label;
      const ws = new WebSocket(url);
      const saw = (window.__saw[url] = []);
      window.__sockets[url] = ws;
      ws.onmessage = (e) => {
        saw.push(e.data);
        localStorage.setItem('saw ' + url, String(saw.length));
      };
      ws.onclose = (e) => { window.__closed[url] = e.code; };
      return url;
    };
    window.__quick = (label) => {
      const url = ${JSON.stringify(wsOrigin)} + '/ws/close?code=4000&doc=' + window.__key + '&label=' + label;
      const ws = new WebSocket(url);
      window.__sockets[url] = ws;
      ws.onclose = (e) => { window.__closed[url] = e.code; };
      return url;
    };
    addEventListener('pageshow', (e) => window.__shows.push(e.persisted));
  </script>`;
}

interface PageWindow {
  __key: string;
  __saw: Record<string, string[]>;
  __closed: Record<string, number>;
  __sockets: Record<string, WebSocket>;
  __shows: boolean[];
  __stream(label: string, every?: number): string;
  __quick(label: string): string;
}

/** How many frames the page saw on `url` (0 while it has not opened it). */
function sawCount(page: Page, url: string): Promise<number> {
  return page.evaluate((u) => (window as unknown as PageWindow).__saw[u]?.length ?? 0, url);
}

/** Waits until the page (which may be mid-navigation) satisfies `check`; a condition, not a sleep. */
async function waitInPage<T>(page: Page, what: string, check: () => T | null | false | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = (await page.evaluate(check)) as T | null | false | undefined;
      if (value !== null && value !== false && value !== undefined) return value;
    } catch (error) {
      lastError = error; // the page is between documents
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not happen in time${lastError ? `: ${String(lastError)}` : ''}`);
}

/** Waits until the page has seen more than `n` frames on `url`. */
async function waitForSaw(page: Page, url: string, n: number): Promise<number> {
  await page.waitForFunction((u, k) => ((window as unknown as PageWindow).__saw[u]?.length ?? 0) > k, { polling: 20, timeout: 30_000 }, url, n);
  return sawCount(page, url);
}

const byUrl = (history: PanelHistory, url: string) => history.connections.filter((c) => c.url === url);

/** One connection's record stream is whole: starts with `created`, seqs only grow. */
function expectWhole(connection: HistoryConnection): void {
  expect(connection.types[0], connection.url).toBe('created');
  expect(connection.seqs, connection.url).toEqual([...connection.seqs].sort((a, b) => a - b));
  expect(new Set(connection.seqs).size, connection.url).toBe(connection.seqs.length);
}

/** No socket appears twice, and every connection is whole. */
function expectConsistent(history: PanelHistory): void {
  const keys = history.connections.map((c) => c.key);
  expect(new Set(keys).size).toBe(keys.length);
  const urls = history.connections.map((c) => c.url);
  expect(new Set(urls).size).toBe(urls.length);
  for (const c of history.connections) expectWhole(c);
}

/** Closes the socket on `url` from the page and waits until the page saw the close. */
async function stopStream(page: Page, url: string): Promise<string[]> {
  await page.evaluate((u) => (window as unknown as PageWindow).__sockets[u]!.close(1000, 'enough'), url);
  await page.waitForFunction((u) => (window as unknown as PageWindow).__closed[u] !== undefined, { polling: 20, timeout: 30_000 }, url);
  return page.evaluate((u) => (window as unknown as PageWindow).__saw[u]!, url);
}

/** Panel page errors, so "the panel doesn't break" is checked, not assumed. */
function collectErrors(panel: Page): string[] {
  const errors: string[] = [];
  panel.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

/** The panel's UI shows one row per connection in its store. */
async function expectRowsMatchStore(panel: Page): Promise<void> {
  await panel.waitForFunction(
    () => {
      const store = (globalThis as unknown as { __wsciPanel: { store: { getState(): { connections: unknown[] } } } }).__wsciPanel.store;
      return document.querySelectorAll('[data-testid="connection-row"]').length === store.getState().connections.length;
    },
    { polling: 50, timeout: 20_000 },
  );
}

describe.each<BrowserName>(['chromium', 'firefox'])('faults around the panel in %s', (browserName) => {
  const env = useBrowserWithServer(browserName);
  let readers: Map<string, Page> | null = null;

  /** Frame counts that documents of `origin` saw, read in another tab (localStorage outlives them). */
  async function sawInStorage(origin: string): Promise<Record<string, number>> {
    readers ??= new Map();
    let reader = readers.get(origin);
    if (!reader) {
      env.server.page('/reader.html', '<!doctype html><title>reader</title>');
      reader = await env.launched.browser.newPage();
      await reader.goto(`${origin}/reader.html`);
      readers.set(origin, reader);
    }
    return reader.evaluate(() =>
      Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('saw ')).map((k) => [k.slice(4), Number(localStorage.getItem(k))])),
    );
  }

  function servePages(): void {
    const kit = toolkit(env.server.wsOrigin);
    env.server.page('/stream.html', `<!doctype html>${kit}<script>window.__first = __stream('first', 5);</script><body>stream</body>`);
    env.server.page('/nav-a.html', `<!doctype html>${kit}<script>window.__first = __stream('nav-a');</script><body>a</body>`);
    env.server.page('/nav-b.html', `<!doctype html>${kit}<script>window.__first = __stream('nav-b');</script><body>b</body>`);
  }

  it('a panel closed and reopened mid-stream gets the whole history, once and in order', async () => {
    servePages();
    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/stream.html`);
    const url = await page.evaluate(() => (window as unknown as { __first: string }).__first);

    const first = await openPanelTab(env.launched, page);
    await waitForHistory(first, (h) => (byUrl(h, url)[0]?.received.length ?? 0) > 20);
    await first.close();
    // Frames keep coming while no panel is attached.
    const atClose = await sawCount(page, url);
    await waitForSaw(page, url, atClose + 30);

    const second = await openPanelTab(env.launched, page);
    const errors = collectErrors(second);
    // The reopened panel catches up with a stream that is still running...
    const running = await sawCount(page, url);
    await waitForHistory(second, (h) => (byUrl(h, url)[0]?.received.length ?? 0) >= running);
    // ...then the page ends it, and the panel holds exactly what the page saw.
    const saw = await stopStream(page, url);
    expect(saw).toEqual(ticks(saw.length));
    const history = await waitForHistory(second, (h) => byUrl(h, url)[0]?.state === 'closed');
    expect(history.connections).toHaveLength(1);
    expect(history.connections[0]!.received).toEqual(saw);
    expect(history.connections[0]!.types.filter((t) => t === 'closed')).toHaveLength(1);
    expectConsistent(history);
    await expectRowsMatchStore(second);
    expect(errors).toEqual([]);
    await second.close();
    await page.close();
  });

  it.each([false, true])('reload, same-origin and cross-origin navigation with preserve log %s', async (preserve) => {
    servePages();
    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/nav-a.html`);
    const panel = await openPanelTab(env.launched, page);
    const errors = collectErrors(panel);
    await setPreserveLog(panel, preserve);

    /** Every document visited so far: its page URL and its stream socket's URL. */
    const visited: Array<{ pageUrl: string; wsUrl: string; origin: string }> = [];
    const settle = async (pageUrl: string, origin: string) => {
      const wsUrl = await waitInPage(page, `${pageUrl} to open its stream`, () => location.href && (window as unknown as { __first?: string }).__first);
      // Skip a document we already know (the reload's predecessor has the same page URL, never the same key).
      expect(visited.some((v) => v.wsUrl === wsUrl)).toBe(false);
      expect(page.url()).toBe(pageUrl);
      await waitForSaw(page, wsUrl, 5);
      visited.push({ pageUrl, wsUrl, origin });
      return waitForHistory(panel, (h) => (byUrl(h, wsUrl)[0]?.received.length ?? 0) > 5);
    };

    await settle(`${env.server.origin}/nav-a.html`, env.server.origin);
    const steps: Array<{ name: string; go: () => Promise<unknown>; pageUrl: string; origin: string }> = [
      { name: 'reload', go: () => page.reload(), pageUrl: `${env.server.origin}/nav-a.html`, origin: env.server.origin },
      { name: 'same origin', go: () => page.goto(`${env.server.origin}/nav-b.html`), pageUrl: `${env.server.origin}/nav-b.html`, origin: env.server.origin },
      { name: 'cross origin', go: () => page.goto(`${env.server.crossOrigin}/nav-a.html`), pageUrl: `${env.server.crossOrigin}/nav-a.html`, origin: env.server.crossOrigin },
    ];
    for (const step of steps) {
      await step.go();
      const current = await settle(step.pageUrl, step.origin);
      const now = visited[visited.length - 1]!;
      if (!preserve) {
        // Only the current document's connection; the marker list restarts with it.
        expect(current.connections.map((c) => c.url), step.name).toEqual([now.wsUrl]);
        expect(current.markers, step.name).toEqual([now.pageUrl]);
      } else {
        expect(current.connections.map((c) => c.url), step.name).toEqual(visited.map((v) => v.wsUrl));
        expect(current.markers, step.name).toEqual(visited.map((v) => v.pageUrl));
        // Each connection came from its own top document.
        expect(new Set(current.connections.map((c) => c.docId)).size, step.name).toBe(visited.length);
      }
      expectConsistent(current);
    }

    if (preserve) {
      // Documents that are gone: the panel kept every frame each of them saw, in order.
      const history = await readHistory(panel);
      for (const old of visited.slice(0, -1)) {
        const saw = (await sawInStorage(old.origin))[old.wsUrl];
        expect(saw, old.wsUrl).toBeGreaterThan(5);
        expect(byUrl(history, old.wsUrl)[0]!.received, old.wsUrl).toEqual(ticks(saw!));
      }
    }
    // The current document still streams into the panel exactly.
    const last = visited[visited.length - 1]!;
    const saw = await stopStream(page, last.wsUrl);
    const history = await waitForHistory(panel, (h) => byUrl(h, last.wsUrl)[0]?.state === 'closed');
    expect(byUrl(history, last.wsUrl)[0]!.received).toEqual(saw);
    expectConsistent(history);

    // A page that opens no socket is a new document too: it gets its marker,
    // and without preserve log the older connections go.
    env.server.page('/quiet.html', '<!doctype html><body>no sockets here</body>');
    await page.goto(`${env.server.origin}/quiet.html`);
    const quiet = await waitForHistory(panel, (h) => h.markers[h.markers.length - 1] === `${env.server.origin}/quiet.html`);
    if (preserve) expect(quiet.connections.map((c) => c.url)).toEqual(visited.map((v) => v.wsUrl));
    else expect(quiet.connections).toEqual([]);
    await expectRowsMatchStore(panel);
    expect(errors).toEqual([]);
    await panel.close();
    await page.close();
  });

  it.each([
    ['closed', false],
    ['closed', true],
    ['open', false],
    ['open', true],
  ] as const)('back/forward cache: socket %s when leaving, preserve log %s', async (variant, preserve) => {
    const kit = toolkit(env.server.wsOrigin);
    // no-cache instead of the server's no-store, which alone keeps Chromium from caching the page.
    const cacheable = { 'cache-control': 'no-cache' };
    env.server.page('/bf-a.html', `<!doctype html>${kit}<script>window.__first = location.search.includes('open') ? __stream('bf-a') : __quick('bf-a');</script>`, cacheable);
    env.server.page('/bf-b.html', `<!doctype html>${kit}<script>window.__first = __quick('bf-b');</script>`, cacheable);
    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/bf-a.html?${variant}-${preserve}`);
    const panel = await openPanelTab(env.launched, page);
    const errors = collectErrors(panel);
    await setPreserveLog(panel, preserve);

    const a = await page.evaluate(() => ({ key: (window as unknown as PageWindow).__key, url: (window as unknown as { __first: string }).__first }));
    if (variant === 'open') await waitForHistory(panel, (h) => (byUrl(h, a.url)[0]?.received.length ?? 0) > 5);
    else await waitForHistory(panel, (h) => byUrl(h, a.url)[0]?.state === 'closed');
    const docA = byUrl(await readHistory(panel), a.url)[0]!.docId;

    await page.evaluate(() => { location.href = '/bf-b.html'; });
    const bUrl = await waitInPage(page, 'bf-b to open its socket', () => location.pathname === '/bf-b.html' && (window as unknown as { __first?: string }).__first);
    await waitForHistory(panel, (h) => byUrl(h, bUrl)[0]?.state === 'closed');

    await page.evaluate(() => window.history.back());
    const back = await waitInPage(page, 'the way back to bf-a', () => {
      const w = window as unknown as PageWindow & { __first?: string };
      return location.pathname === '/bf-a.html' && w.__shows?.length > 0 && w.__first ? { key: w.__key, shows: w.__shows, first: w.__first } : null;
    });
    // Measured here: Chromium 156 restores both variants (it closes the open
    // socket on the way in); Firefox 153 restores only the page whose socket is
    // closed, and loads the other afresh. Each case is checked for what it is.
    const restored = back.key === a.key;
    expect(back.shows).toEqual(restored ? [false, true] : [false]);
    // Sockets opened after coming back are captured, whichever way the page came back.
    const afterUrl = await page.evaluate(() => (window as unknown as PageWindow).__quick('after-back'));
    await page.waitForFunction((u) => (window as unknown as PageWindow).__closed[u] === 4000, { polling: 20, timeout: 30_000 }, afterUrl);
    const history = await waitForHistory(panel, (h) => byUrl(h, afterUrl)[0]?.state === 'closed');
    const docOf = (url: string) => byUrl(history, url)[0]?.docId;
    // A restored page is the same document as before; a fresh load is a new one.
    if (restored) expect(docOf(afterUrl)).toBe(docA);
    else expect(docOf(afterUrl)).not.toBe(docA);
    const pageA = `${env.server.origin}/bf-a.html?${variant}-${preserve}`;
    const pageB = `${env.server.origin}/bf-b.html`;
    if (preserve) {
      const firstA = byUrl(history, a.url);
      expect(firstA).toHaveLength(1);
      expect(byUrl(history, bUrl)).toHaveLength(1);
      if (variant === 'open' && !restored) {
        // The left document is gone: every frame it saw before it went, in order.
        const saw = (await sawInStorage(env.server.origin))[a.url]!;
        expect(firstA[0]!.received).toEqual(ticks(saw));
      }
      // Coming back is a navigation either way: a restore is marked from the relay's `navigated` message.
      expect(history.markers).toEqual([pageA, pageB, pageA]);
    } else {
      // The first bf-a document's socket went when bf-b came, and no replay brings it back.
      expect(byUrl(history, a.url)).toHaveLength(0);
      // Coming back is a navigation: bf-b's connection goes, and bf-a is marked again.
      expect(byUrl(history, bUrl)).toHaveLength(0);
      expect(history.markers).toEqual([pageA]);
      if (!restored) expect(history.connections.map((c) => c.docId)).toEqual([docOf(afterUrl), docOf(afterUrl)]);
    }
    expectConsistent(history);
    await expectRowsMatchStore(panel);
    expect(errors).toEqual([]);
    await panel.close();
    await page.close();
  });

  it('an iframe removed mid-stream: its frames up to the removal stay, later sockets are captured', async () => {
    const kit = toolkit(env.server.wsOrigin);
    env.server.page(
      '/child.html',
      `<!doctype html><script>
        const url = ${JSON.stringify(env.server.wsOrigin)} + '/ws/stream?every=5&frame=child&doc=' + parent.__key;
        const saw = (parent.__saw[url] = []);
        parent.__childUrl = url;
        new WebSocket(url).onmessage = (e) => saw.push(e.data);
      </script>`,
    );
    env.server.page('/iframe-top.html', `<!doctype html>${kit}<body><iframe id="child" src="/child.html"></iframe></body>`);
    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/iframe-top.html`);
    const panel = await openPanelTab(env.launched, page);
    const errors = collectErrors(panel);
    const childUrl = await waitInPage(page, 'the iframe to open its socket', () => (window as unknown as { __childUrl?: string }).__childUrl);
    await waitForHistory(panel, (h) => (byUrl(h, childUrl)[0]?.received.length ?? 0) > 20);

    // Removed in the middle of the stream; the page reads what the frame saw in the same task.
    const saw = await page.evaluate((u) => {
      document.getElementById('child')!.remove();
      return [...(window as unknown as PageWindow).__saw[u]!];
    }, childUrl);
    expect(saw).toEqual(ticks(saw.length));
    const quick = await page.evaluate(() => (window as unknown as PageWindow).__quick('after-removal'));
    await page.waitForFunction((u) => (window as unknown as PageWindow).__closed[u] === 4000, { polling: 20, timeout: 30_000 }, quick);
    const history = await waitForHistory(panel, (h) => byUrl(h, quick)[0]?.state === 'closed');
    expect(byUrl(history, childUrl)[0]!.isTop).toBe(false);
    // The frames the iframe saw before it went, in order; nothing after, nothing twice.
    const final = await waitForHistory(panel, (h) => byUrl(h, childUrl)[0]!.received.length >= saw.length, 10_000).catch(() => readHistory(panel));
    // Exactly what the frame saw: the hook's pagehide flush is read by the relay at once, before the frame is detached.
    expect(byUrl(final, childUrl)[0]!.received).toEqual(saw);
    expectConsistent(final);
    await expectRowsMatchStore(panel);
    expect(errors).toEqual([]);
    await panel.close();
    await page.close();
  });

  it.each([false, true])('a socket whose page navigates away in the same task (preserve log %s)', async (preserve) => {
    const kit = toolkit(env.server.wsOrigin);
    env.server.page('/leave.html', `<!doctype html>${kit}<script>__stream('leaving'); location.href = '/landing.html';</script>`);
    env.server.page('/landing.html', `<!doctype html>${kit}<script>window.__first = __quick('landing');</script>`);
    env.server.page('/start.html', `<!doctype html>${kit}<body>start</body>`);
    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/start.html`);
    const panel = await openPanelTab(env.launched, page);
    const errors = collectErrors(panel);
    await setPreserveLog(panel, preserve);

    const landings: string[] = [];
    for (let round = 0; round < 3; round++) {
      // The document we leave is flagged, so the wait below cannot mistake it for the next landing.
      await page.evaluate(() => { (window as unknown as { __left: boolean }).__left = true; location.href = '/leave.html'; });
      const landing = await waitInPage(page, 'the landing page', () => {
        const w = window as unknown as PageWindow & { __first?: string; __left?: boolean };
        return location.pathname === '/landing.html' && !w.__left && w.__first;
      });
      expect(landings).not.toContain(landing);
      landings.push(landing);
      await page.waitForFunction((u) => (window as unknown as PageWindow).__closed[u] === 4000, { polling: 20, timeout: 30_000 }, landing);
      const history = await waitForHistory(panel, (h) => byUrl(h, landing)[0]?.state === 'closed');
      expectConsistent(history);
      const leaving = history.connections.filter((c) => c.url.includes('label=leaving'));
      const leaveDocs = history.documents.filter((d) => d.frameUrl.endsWith('/leave.html'));
      if (!preserve) {
        expect(history.connections.map((c) => c.url)).toEqual([landing]);
      } else {
        expect(history.connections.filter((c) => c.url.includes('label=landing')).map((c) => c.url)).toEqual(landings);
        // A leaving document whose first record (its `created`) reached the panel shows its socket.
        const captured = leaveDocs.filter((d) => d.lastSeq > 0).length;
        expect(leaving).toHaveLength(captured);
      }
    }
    await expectRowsMatchStore(panel);
    expect(errors).toEqual([]);
    await panel.close();
    await page.close();
  });
});

describe('real DevTools closed and reopened in chromium', () => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser;

  beforeAll(async () => {
    server = await startScenarioServer();
    launched = await launchChromium();
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it('the reopened DevTools panel shows the same connections and the whole stream', async () => {
    server.page('/devtools.html', `<!doctype html>${toolkit(server.wsOrigin)}<script>window.__quickUrl = __quick('quick'); window.__first = __stream('stream', 5);</script>`);
    const page = await launched.browser.newPage();
    await page.goto(`${server.origin}/devtools.html`);
    const [quick, stream] = await page.evaluate((): [string, string] => [(window as unknown as { __quickUrl: string }).__quickUrl, (window as unknown as { __first: string }).__first]);
    await page.waitForFunction((u) => (window as unknown as PageWindow).__closed[u] === 4000, { polling: 20 }, quick);

    const first = await openDevToolsFor(launched, page);
    const before = await waitForHistory(first.panel, (h) => byUrl(h, quick)[0]?.state === 'closed' && (byUrl(h, stream)[0]?.received.length ?? 0) > 20);
    await closeDevTools(launched, first);
    const atClose = await sawCount(page, stream);
    await waitForSaw(page, stream, atClose + 30);

    const second = await openDevToolsFor(launched, page);
    const running = await sawCount(page, stream);
    await waitForHistory(second.panel, (h) => (byUrl(h, stream)[0]?.received.length ?? 0) >= running);
    const saw = await stopStream(page, stream);
    const after = await waitForHistory(second.panel, (h) => byUrl(h, stream)[0]?.state === 'closed');
    // The same connections, from the same document, and every frame once.
    expect(after.connections.map((c) => [c.url, c.docId])).toEqual(before.connections.map((c) => [c.url, c.docId]));
    expect(byUrl(after, quick)[0]!.types).toEqual(byUrl(before, quick)[0]!.types);
    expect(byUrl(after, stream)[0]!.received).toEqual(saw);
    expect(saw).toEqual(ticks(saw.length));
    expectConsistent(after);
    await closeDevTools(launched, second);
  });
});

