// The built extension loads in real Chromium and Firefox ESR, and its hook is
// in place before a page's first inline script: a socket opened by that
// script reaches the panel through the real pipeline.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type BrowserName, type LaunchedBrowser } from './support/browsers';
import { openPanelTab, waitForConnections } from './support/panel';
import { startScenarioServer, type ScenarioServer } from '../server/scenario-server';

describe.each<BrowserName>(['chromium', 'firefox'])('smoke in %s', (name) => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser;

  beforeAll(async () => {
    server = await startScenarioServer();
    launched = await launch(name);
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it('captures a socket opened by the first inline script in <head>', async () => {
    const wsUrl = `${server.wsOrigin}/ws/close?code=4000&reason=bye&after=1`;
    server.page(
      '/first-script.html',
      `<!doctype html><html><head><script>
        const ws = new WebSocket(${JSON.stringify(wsUrl)});
        ws.onopen = () => ws.send('hello');
        ws.onclose = (e) => { document.title = 'closed ' + e.code; };
      </script></head><body>first script</body></html>`,
    );
    const page = await launched.browser.newPage();
    await page.goto(`${server.origin}/first-script.html`);
    await page.waitForFunction(() => document.title === 'closed 4000', { polling: 50 });

    // DevTools attaches after the socket closed: the relay's history still has it.
    const panel = await openPanelTab(launched, page);
    const [connection] = await waitForConnections(panel, (cs) => cs.some((c) => c.state === 'closed'));
    expect(connection).toMatchObject({
      url: wsUrl,
      isTop: true,
      state: 'closed',
      close: { code: 4000, reason: 'bye', wasClean: true },
    });
    expect(connection!.timeline).toEqual(['created', 'open', 'sent', 'closed']);
    const code = await panel.waitForSelector('[data-testid="close-code"]');
    expect(await code!.evaluate((el) => el.textContent)).toBe('4000');
  });
});
