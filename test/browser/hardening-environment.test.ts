// Hostile environments: pages that, after our document_start hook, freeze
// prototypes, put setters on their indices, wrap WebSocket again, replace addEventListener, dispatchEvent,
// Function.prototype.toString, postMessage or JSON, or run under a strict
// Content-Security-Policy. Each page still works exactly as the browser makes
// it work (its own observations), never sees the hook call its replaced
// functions, and the panel captures the socket in full. Each environment is
// its own iframe (its own realm) in one tab, so one panel sees them all.

import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenarioServer, type ScenarioServer } from '../server/scenario-server';
import { launch, type BrowserName, type LaunchedBrowser } from './support/browsers';
import { openPanelTab, waitForConnections } from './support/panel';

/** Runs before the page's round trip; the hook has already run at document_start. */
const ENVIRONMENTS: Record<string, string> = {
  'freeze-websocket-prototype': 'Object.freeze(WebSocket.prototype); Object.freeze(WebSocket);',
  'freeze-object-prototype': 'Object.freeze(Object.prototype); Object.freeze(Array.prototype);',
  'wrapper-class': `
    const Native = WebSocket;
    window.WebSocket = class LibrarySocket extends Native {
      constructor(url, protocols) { super(url, protocols); this.wrapped = true; }
      send(data) { window.__wrapperSends = (window.__wrapperSends || 0) + 1; return super.send(data); }
    };
    window.__checkWrapper = (ws) => ws instanceof Native && ws instanceof window.WebSocket && ws.wrapped === true;`,
  'counting-add-event-listener': `
    const add = EventTarget.prototype.addEventListener;
    window.__addCalls = 0;
    EventTarget.prototype.addEventListener = function (type, listener, options) { window.__addCalls++; return add.call(this, type, listener, options); };`,
  'counting-dispatch-event': `
    const dispatch = EventTarget.prototype.dispatchEvent;
    window.__dispatchCalls = 0;
    EventTarget.prototype.dispatchEvent = function (event) { window.__dispatchCalls++; return dispatch.call(this, event); };`,
  // Setters for the first indices of every array and object: a store to a new index of a
  // plain array or object (arr[i] = v, push) would reach them; the hook's must never.
  'index-setters-on-prototypes': `
    window.__indexSetterCalls = 0;
    for (const proto of [Array.prototype, Object.prototype]) {
      for (let i = 0; i < 64; i++) {
        Object.defineProperty(proto, i, {
          configurable: true,
          get() { return undefined; },
          set(value) { window.__indexSetterCalls++; Object.defineProperty(this, i, { value, writable: true, enumerable: true, configurable: true }); },
        });
      }
    }`,
  'replaced-function-to-string': "Function.prototype.toString = function () { throw new Error('toString is off limits'); };",
  'replaced-post-message': "window.postMessage = function () { throw new Error('postMessage is off limits'); };",
  'replaced-json': `
    JSON.stringify = function () { throw new Error('JSON.stringify is off limits'); };
    JSON.parse = function () { throw new Error('JSON.parse is off limits'); };`,
};

const EXPECTED_PAGE = ['open', 'message:one', 'close:1008:rate limit exceeded:true'];
const EXPECTED_PANEL = ['created', 'open', 'sent', 'received', 'sent', 'closed'];

/** An echo round trip, then the server closes (rate-limit scenario: the 2nd message is one too many). */
function roundTrip(wsUrl: string): string {
  return `
    const seen = [];
    const ws = new WebSocket(${JSON.stringify(wsUrl)});
    ws.addEventListener('open', () => { seen.push('open'); ws.send('one'); });
    ws.addEventListener('message', (e) => { seen.push('message:' + e.data); ws.send('two'); });
    ws.addEventListener('error', () => seen.push('error'));
    ws.addEventListener('close', (e) => { seen.push('close:' + e.code + ':' + e.reason + ':' + e.wasClean); window.__seen = seen; });
    window.__ws = ws;`;
}

const wsFor = (server: ScenarioServer, env: string) => `${server.wsOrigin}/ws/rate-limit?max=1&window=60000&env=${env}`;

describe.each<BrowserName>(['chromium', 'firefox'])('hostile environments in %s', (browserName) => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser;
  let page: Page;
  let panel: Page;
  const errors: string[] = [];
  const frameOf = (env: string): Frame => page.frames().find((f) => f.url().includes(`/env-${env}.html`))!;

  beforeAll(async () => {
    server = await startScenarioServer();
    for (const [env, prelude] of Object.entries(ENVIRONMENTS)) {
      server.page(`/env-${env}.html`, `<!doctype html><script>${prelude}\n${roundTrip(wsFor(server, env))}</script><p id="ok">loaded</p>`);
    }
    server.page('/env-csp-none.html', '<!doctype html><p id="ok">no script may run here</p>', { 'content-security-policy': "script-src 'none'" });
    server.page(
      '/env-csp-strict-dynamic.html',
      `<!doctype html><script nonce="n0nce">${roundTrip(wsFor(server, 'csp-strict-dynamic'))}</script><p id="ok">loaded</p>`,
      { 'content-security-policy': "script-src 'nonce-n0nce' 'strict-dynamic'; object-src 'none'; base-uri 'none'" },
    );
    server.page('/favicon.ico', '');
    const envs = [...Object.keys(ENVIRONMENTS), 'csp-none', 'csp-strict-dynamic'];
    server.page('/environments.html', `<!doctype html>${envs.map((e) => `<iframe src="/env-${e}.html"></iframe>`).join('')}`);

    launched = await launch(browserName);
    page = await launched.browser.newPage();
    page.on('pageerror', (error) => errors.push(`pageerror: ${String(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    await page.goto(`${server.origin}/environments.html`);
    for (const env of [...Object.keys(ENVIRONMENTS), 'csp-strict-dynamic']) {
      await frameOf(env).waitForFunction(() => '__seen' in window, { polling: 50, timeout: 30_000 });
    }
    panel = await openPanelTab(launched, page);
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it.each([...Object.keys(ENVIRONMENTS), 'csp-strict-dynamic'])('%s: the page works as without us, and the panel captured it all', async (env) => {
    const frame = frameOf(env);
    const page = await frame.evaluate(() => {
      const w = window as unknown as Record<string, any>;
      return {
        seen: w.__seen,
        wrapper: w.__checkWrapper ? w.__checkWrapper(w.__ws) : null,
        wrapperSends: w.__wrapperSends ?? null,
        addCalls: w.__addCalls ?? null,
        dispatchCalls: w.__dispatchCalls ?? null,
        indexSetterCalls: w.__indexSetterCalls ?? null,
      };
    });
    expect(page.seen).toEqual(EXPECTED_PAGE);
    // The hook never calls what the page replaced: only the page's own calls are counted.
    if (env === 'wrapper-class') expect([page.wrapper, page.wrapperSends]).toEqual([true, 2]);
    if (env === 'counting-add-event-listener') expect(page.addCalls).toBe(4);
    if (env === 'counting-dispatch-event') expect(page.dispatchCalls).toBe(0);
    // The page's own three seen.push() calls, none of ours.
    if (env === 'index-setters-on-prototypes') expect(page.indexSetterCalls).toBe(3);

    const url = wsFor(server, env);
    const [connection] = (await waitForConnections(panel, (cs) => cs.some((c) => c.url === url && c.state === 'closed'))).filter((c) => c.url === url);
    expect(connection!.timeline).toEqual(EXPECTED_PANEL);
    expect(connection!.close).toEqual({ code: 1008, reason: 'rate limit exceeded', wasClean: true });
    expect(connection!.frameUrl).toBe(frame.url());
  });

  it("csp-none: the page's CSP blocks no content script: the hook still captures a socket the page opens", async () => {
    const frame = frameOf('csp-none');
    expect(await frame.$eval('#ok', (el) => el.textContent)).toBe('no script may run here');
    // DevTools evaluation is not page script, so CSP does not stop it: it stands in for
    // a socket opened by code the CSP allows (an extension, the console).
    const url = wsFor(server, 'csp-none');
    await frame.evaluate(roundTrip(url));
    await frame.waitForFunction(() => '__seen' in window, { polling: 50, timeout: 30_000 });
    expect(await frame.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual(EXPECTED_PAGE);
    const [connection] = (await waitForConnections(panel, (cs) => cs.some((c) => c.url === url && c.state === 'closed'))).filter((c) => c.url === url);
    expect(connection!.timeline).toEqual(EXPECTED_PANEL);
  });

  it('logged no error in any page', () => {
    expect(errors).toEqual([]);
  });
});
