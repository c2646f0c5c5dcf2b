// Bad input from pages: forged protocol messages, absurd sizes, sockets in a
// tight loop and megabyte payloads crash nothing, change nothing for the
// page, are counted, and never reach another tab's panel.

import { describe, expect, it } from 'vitest';
import type { BrowserName } from './support/browsers';
import { useBrowserWithServer } from './support/fixture';
import { openPanelTab, readDocuments, waitForConnections } from './support/panel';

const FORGERIES = 10_000;

/** Page script: posts FORGERIES malformed or forged messages on the relay's event. */
const forge = `
  const post = (detail) => window.dispatchEvent(new CustomEvent('wsci:page-to-relay:v1', { detail }));
  const env = (records) => JSON.stringify({ tag: 'wsci', v: 1, type: 'batch', records });
  const huge = 'x'.repeat(100_000);
  const deep = '['.repeat(20000) + ']'.repeat(20000);
  const shapes = [
    () => post(env([{ type: 'created', seq: 'one', time: 0, socket: 1 }])),
    () => post(env([{ type: 'closed', seq: 5, time: 1, socket: 1, code: 'x', reason: 1, wasClean: 'no' }])),
    () => post(env([{ type: 'evil', seq: 5, time: 1, socket: 1 }])),
    () => post(env([{ type: 'sent', seq: 5, time: 1, socket: 1, kind: 'text', size: 1, preview: huge, truncated: false, readyState: 1, bufferedAmount: 0, thrown: null, findings: [] }])),
    () => post(env([{ type: 'created', seq: 5, time: 1, socket: 1, url: 'ws://x', protocols: [], frameUrl: 'x', stack: '', __proto__: { polluted: 1 }, tabId: 999, docId: 'other' }].map((r) => ({ ...r, seq: 'bad' })))),
    () => post(deep),
    () => post('{"tag":"wsci","v":1,"type":"batch","records":' + JSON.stringify(new Array(60000).fill(0)) + '}'),
    () => post(JSON.stringify({ tag: 'wsci', v: 2, type: 'batch', records: [] })),
    () => post({ not: 'a string' }),
    () => post(JSON.stringify({ tag: 'wsci', v: 1, type: 'batch', records: [{ type: 'open', seq: 7, time: 1, socket: 1, protocol: {}, extensions: '' }] })),
  ];
  for (let i = 0; i < ${FORGERIES}; i++) shapes[i % shapes.length]();
  window.__forged = true;
`;

describe.each<BrowserName>(['chromium', 'firefox'])('bad input in %s', (browserName) => {
  const env = useBrowserWithServer(browserName);

  it('rejects and counts forged records, keeps capturing, and keeps them out of other tabs', async () => {
    const wsUrl = `${env.server.wsOrigin}/ws/close?code=4005&reason=after-forgery&after=1`;
    env.server.page(
      '/forger.html',
      `<!doctype html><script>
        ${forge}
        const ws = new WebSocket(${JSON.stringify(wsUrl)});
        ws.onopen = () => ws.send('still here');
        ws.onclose = (e) => { window.__closed = e.code; };
      </script>`,
    );
    const otherUrl = `${env.server.wsOrigin}/ws/close?code=4006&other=1`;
    env.server.page('/other.html', `<!doctype html><script>new WebSocket(${JSON.stringify(otherUrl)});</script>`);

    const other = await env.launched.browser.newPage();
    await other.goto(`${env.server.origin}/other.html`);
    const otherPanel = await openPanelTab(env.launched, other);

    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/forger.html`);
    await page.waitForFunction(() => (window as unknown as { __closed?: number }).__closed === 4005, { polling: 50, timeout: 60_000 });
    const panel = await openPanelTab(env.launched, page);

    const [connection, ...rest] = await waitForConnections(panel, (cs) => cs.some((c) => c.url === wsUrl && c.state === 'closed'));
    expect(rest).toHaveLength(0);
    expect(connection).toMatchObject({ url: wsUrl, close: { code: 4005, reason: 'after-forgery', wasClean: true } });
    expect(connection!.timeline).toEqual(['created', 'open', 'sent', 'closed']);
    const [doc] = await readDocuments(panel);
    expect(doc!.dropped.rejected).toBeGreaterThanOrEqual(FORGERIES);

    const otherConnections = await waitForConnections(otherPanel, (cs) => cs.length === 1 && cs[0]!.state === 'closed');
    expect(otherConnections.map((c) => c.url)).toEqual([otherUrl]);
    expect((await readDocuments(otherPanel)).every((d) => d.dropped.rejected === 0)).toBe(true);
  });

  it('survives sockets in a tight loop and megabyte payloads, and the page gets every byte', async () => {
    const echoUrl = `${env.server.wsOrigin}/ws/echo?big=1`;
    const loopUrl = `${env.server.wsOrigin}/ws/echo?loop=1`;
    env.server.page(
      '/flood.html',
      `<!doctype html><script>
        const big = 'é'.repeat(2 * 1024 * 1024) + '\\uD800';
        const ws = new WebSocket(${JSON.stringify(echoUrl)});
        ws.onopen = () => ws.send(big);
        // Chromium throttles a host after many failed connections, so the big socket goes first.
        for (let i = 0; i < 200; i++) new WebSocket(${JSON.stringify(loopUrl)} + '&i=' + i).close();
        ws.onmessage = (e) => { window.__echo = e.data.length === big.length && e.data.endsWith('\\uFFFD'); ws.close(1000); };
      </script>`,
    );
    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/flood.html`);
    await page.waitForFunction(() => (window as unknown as { __echo?: boolean }).__echo !== undefined, { polling: 50, timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { __echo: boolean }).__echo)).toBe(true);

    const panel = await openPanelTab(env.launched, page);
    const connections = await waitForConnections(panel, (cs) => cs.filter((c) => c.state === 'closed').length === 201, 60_000);
    const big = connections.find((c) => c.url === echoUrl)!;
    expect(big.sent.bytes).toBe(2 * 2 * 1024 * 1024 + 3);
    expect(big.findings).toContain('lone-surrogate');
    expect(big.received.bytes).toBe(2 * 2 * 1024 * 1024 + 3);
  });
});
