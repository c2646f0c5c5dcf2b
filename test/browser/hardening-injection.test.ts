// Script injection from a hostile page: socket URLs, a subprotocol, sent and
// received payloads, close reasons (the page's and the server's) and a frame
// URL full of HTML, `javascript:` links, CSS and bidi/control characters are
// shown verbatim as text in the panel, create no element, run nothing, and
// trip no CSP violation (so the extension-page CSP does not break the panel either).

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenarioServer, type ScenarioServer } from '../server/scenario-server';
import { launch, type BrowserName, type LaunchedBrowser } from './support/browsers';
import { openPanelTab, waitForConnections } from './support/panel';

const PWN = 'window.__pwned=1';
const PAYLOADS = [
  `<script>${PWN}</script>`,
  `<img src=x onerror="${PWN}">`,
  `<svg onload="${PWN}"><circle r=9 /></svg>`,
  `<a href="javascript:${PWN}">click me</a>`,
  '<style>*{display:none!important}</style><link rel=stylesheet href="/evil.css">',
  `</pre></div><iframe srcdoc="<script>parent.${PWN}</script>"></iframe>`,
  '\u202Egnp.exe\u202C <b>bidi</b> \u2066isolate\u2069',
  'nul\u0000between\u0001\u001b[31mred\u007f',
];
/** Close reasons stay within 123 UTF-8 bytes (RFC 6455 §5.5). */
const PAGE_REASON = `<img src=x onerror=${PWN}>`;
const SERVER_REASON = `<svg onload=${PWN}>\u202E\u0000`;
/** Subprotocols are RFC 7230 tokens, so HTML cannot be one: the token's odd characters must survive. */
const PROTOCOL = "x'*^|~!#$%&+-._`";

/** JSON for inside a <script> element: `</script>` in a string must not end it. */
const js = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function framePage(wsOrigin: string): string {
  return `<!doctype html><meta charset="utf-8"><script>
    const PAYLOADS = ${js(PAYLOADS)};
    window.__echoes = [];
    const echo = new WebSocket(${js(`${wsOrigin}/ws/echo?q=<script>${PWN}</script>&j=javascript:alert(1)&s="'><svg onload=x>`)}, ${js([PROTOCOL])});
    echo.onopen = () => PAYLOADS.forEach((p) => echo.send(p));
    echo.onmessage = (e) => { window.__echoes.push(e.data); if (window.__echoes.length === PAYLOADS.length) echo.close(4001, ${js(PAGE_REASON)}); };
    echo.onclose = (e) => { window.__echoClose = { code: e.code, reason: e.reason }; };
    const server = new WebSocket(${js(`${wsOrigin}/ws/close?code=4000&reason=`)} + encodeURIComponent(${js(SERVER_REASON)}) + '&x=<img src=x onerror=alert(1)>');
    server.onclose = (e) => { window.__serverClose = { code: e.code, reason: e.reason }; };
    window.__urls = { echo: echo.url, server: server.url, frame: location.href, protocol: () => echo.protocol };
  </script>`;
}

interface PanelView {
  rows: Array<{ url: string; frame: string; protocol: string; reason: string }>;
  details: string[];
  cardReason: string;
  foreign: string[];
  violations: string[];
  pwned: unknown;
}

async function selectRow(panel: Page, url: string): Promise<void> {
  // The table renders on its own schedule (throttled): wait for the row itself.
  const row = await panel.waitForFunction(
    (wanted) => [...document.querySelectorAll('[data-testid="connection-row"]')].find((r) => r.getAttribute('data-url') === wanted),
    { polling: 50, timeout: 20_000 },
    url,
  );
  await (row as unknown as { click(): Promise<void> }).click();
}

/** Walks every view that shows page data, and reads what it rendered. */
async function readPanel(panel: Page, echoUrl: string, serverUrl: string): Promise<PanelView> {
  const rows = await panel.$$eval('[data-testid="connection-row"]', (trs) =>
    trs.map((tr) => ({
      url: tr.getAttribute('data-url') ?? '',
      frame: tr.querySelector('.col-frame')?.getAttribute('title') ?? '',
      protocol: tr.querySelector('.col-protocol')?.textContent ?? '',
      reason: tr.querySelector('[data-testid="close-reason"]')?.textContent ?? '',
    })),
  );
  await selectRow(panel, echoUrl);
  await (await panel.waitForSelector('[data-testid="tab-frames"]'))!.click();
  await panel.waitForSelector('[data-testid="frame-row"]');
  const seqs = await panel.$$eval('[data-testid="frame-row"]', (els) => els.map((e) => e.getAttribute('data-seq')!));
  const details: string[] = [];
  for (const seq of seqs) {
    await panel.$eval(`[data-testid="frame-row"][data-seq="${seq}"]`, (el) => (el as HTMLElement).click());
    await panel.waitForFunction((s) => document.querySelector(`[data-testid="frame-row"][data-seq="${s}"][aria-selected="true"]`), { polling: 50 }, seq);
    details.push(await panel.$eval('[data-testid="frame-detail"]', (el) => el.textContent ?? ''));
  }
  await selectRow(panel, serverUrl);
  await (await panel.waitForSelector('[data-testid="tab-close"]:not([disabled])'))!.click();
  const cardReason = await panel.$eval('[data-testid="close-card"] [data-testid="card-close-reason"]', (el) => el.textContent ?? '');
  const rest = await panel.evaluate(() => {
    const app = document.getElementById('app')!;
    const foreign = [...app.querySelectorAll('img, svg, script, iframe, style, link, object, embed, a[href], [onerror], [onload], [srcdoc]')].map(
      (el) => el.outerHTML.slice(0, 120),
    );
    const w = window as unknown as { __violations: string[]; __pwned?: unknown };
    return { foreign, violations: w.__violations, pwned: w.__pwned };
  });
  return { rows, details, cardReason, ...rest };
}

describe.each<BrowserName>(['chromium', 'firefox'])('script injection in %s', (browserName) => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser;

  beforeAll(async () => {
    server = await startScenarioServer();
    server.page('/inj-frame.html', framePage(server.wsOrigin));
    server.page(
      '/inj.html',
      `<!doctype html><meta charset="utf-8"><body><script>
        const f = document.createElement('iframe');
        f.src = '/inj-frame.html?f=<svg onload=${PWN}>&h=javascript:alert(1)&b=\\u202Eevil';
        document.body.append(f);
      </script></body>`,
    );
    launched = await launch(browserName);
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it('shows hostile strings verbatim as text and executes none of them', async () => {
    const page = await launched.browser.newPage();
    await page.goto(`${server.origin}/inj.html`);
    const frame = await (await page.waitForSelector('iframe'))!.contentFrame();
    await frame.waitForFunction(() => '__echoClose' in window, { polling: 50, timeout: 30_000 });
    await frame.waitForFunction(() => '__serverClose' in window, { polling: 50, timeout: 30_000 });
    const seen = await frame.evaluate(() => {
      const w = window as unknown as Record<string, any>;
      return { echoes: w.__echoes, echoClose: w.__echoClose, serverClose: w.__serverClose, urls: { ...w.__urls, protocol: w.__urls.protocol() } };
    });
    // The page itself saw exactly what it sent, and the server's reason.
    expect(seen.echoes).toEqual(PAYLOADS);
    expect(seen.echoClose).toEqual({ code: 4001, reason: PAGE_REASON });
    expect(seen.serverClose).toEqual({ code: 4000, reason: SERVER_REASON });
    expect(seen.urls.protocol).toBe(PROTOCOL);

    const panel = await openPanelTab(launched, page);
    await panel.bringToFront();
    await panel.setViewport({ width: 1400, height: 1400 });
    await panel.evaluate(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await waitForConnections(panel, (cs) => cs.filter((c) => c.state === 'closed').length === 2);
    await panel.waitForFunction(() => document.querySelectorAll('[data-testid="connection-row"] [data-testid="close-code"]').length === 2, {
      polling: 50,
      timeout: 20_000,
    });
    const view = await readPanel(panel, seen.urls.echo, seen.urls.server);

    const echoRow = view.rows.find((r) => r.url === seen.urls.echo)!;
    const serverRow = view.rows.find((r) => r.url === seen.urls.server)!;
    expect(echoRow).toEqual({ url: seen.urls.echo, frame: seen.urls.frame, protocol: PROTOCOL, reason: PAGE_REASON });
    expect(serverRow.reason).toBe(SERVER_REASON);
    expect(view.cardReason).toBe(SERVER_REASON);
    for (const payload of PAYLOADS) {
      // Once as sent, once as received.
      expect(view.details.filter((d) => d.includes(payload)).length, JSON.stringify(payload)).toBeGreaterThanOrEqual(2);
    }
    expect(view.details.some((d) => d.includes(PAGE_REASON))).toBe(true);
    expect(view.foreign).toEqual([]);
    expect(view.violations).toEqual([]);
    expect(view.pwned).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });
});
