// Sockets opened inside dedicated and shared workers: content scripts never run
// in workers (in either browser), so the hook cannot see them. This is a
// documented limitation (README "Limitations", SECURITY.md); what the test
// holds is that such sockets work exactly as without the extension, and that
// the panel shows no phantom connection for them.

import { describe, expect, it } from 'vitest';
import { useBrowserWithServer } from './support/fixture';
import type { BrowserName } from './support/browsers';
import { openPanelTab, readConnections, waitForConnections } from './support/panel';

const WORKER = (wsUrl: string) => `
  const run = (report) => {
    const seen = [];
    const ws = new WebSocket(${JSON.stringify(wsUrl)});
    ws.onopen = () => { seen.push('open'); ws.send('one'); };
    ws.onmessage = (e) => { seen.push('message:' + e.data); ws.send('two'); };
    ws.onclose = (e) => { seen.push('close:' + e.code + ':' + e.reason + ':' + e.wasClean); report(seen); };
  };
  if (typeof onconnect === 'undefined' && typeof SharedWorkerGlobalScope === 'undefined') run((seen) => postMessage(seen));
  else onconnect = (e) => run((seen) => e.ports[0].postMessage(seen));
`;

describe.each<BrowserName>(['chromium', 'firefox'])('sockets in workers in %s', (browserName) => {
  const env = useBrowserWithServer(browserName);

  it('work unchanged and are not captured (content scripts do not run in workers)', async () => {
    const dedicated = `${env.server.wsOrigin}/ws/rate-limit?max=1&window=60000&in=dedicated`;
    const shared = `${env.server.wsOrigin}/ws/rate-limit?max=1&window=60000&in=shared`;
    const pageSocket = `${env.server.wsOrigin}/ws/close?code=4000&in=page`;
    env.server.page('/dedicated.js', WORKER(dedicated), { 'content-type': 'text/javascript' });
    env.server.page('/shared.js', WORKER(shared), { 'content-type': 'text/javascript' });
    env.server.page(
      '/workers.html',
      `<!doctype html><script>
        window.__results = {};
        new Worker('/dedicated.js').onmessage = (e) => { window.__results.dedicated = e.data; };
        const sw = new SharedWorker('/shared.js');
        sw.port.onmessage = (e) => { window.__results.shared = e.data; };
        sw.port.start();
        new WebSocket(${JSON.stringify(pageSocket)});
      </script>`,
    );
    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/workers.html`);
    await page.waitForFunction(() => {
      const r = (window as unknown as { __results: Record<string, unknown> }).__results;
      return r.dedicated && r.shared;
    }, { polling: 50, timeout: 30_000 });
    const expected = ['open', 'message:one', 'close:1008:rate limit exceeded:true'];
    expect(await page.evaluate(() => (window as unknown as { __results: unknown }).__results)).toEqual({ dedicated: expected, shared: expected });

    const panel = await openPanelTab(env.launched, page);
    await waitForConnections(panel, (cs) => cs.some((c) => c.url === pageSocket && c.state === 'closed'));
    expect((await readConnections(panel)).map((c) => c.url)).toEqual([pageSocket]);
  });
});
