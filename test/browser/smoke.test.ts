// The built extension loads in real Chromium and Firefox ESR, and its hook is
// in place before a page's first inline script: a socket opened by that
// script reaches the panel through the real pipeline.

import { describe, expect, it } from 'vitest';
import type { BrowserName } from './support/browsers';
import { useBrowserWithServer } from './support/fixture';
import { openPanelTab, waitForConnections } from './support/panel';

describe.each<BrowserName>(['chromium', 'firefox'])('smoke in %s', (name) => {
  const env = useBrowserWithServer(name);

  it('captures a socket opened by the first inline script in <head>', async () => {
    const wsUrl = `${env.server.wsOrigin}/ws/close?code=4000&reason=bye&after=1`;
    env.server.page(
      '/first-script.html',
      `<!doctype html><html><head><script>
        const ws = new WebSocket(${JSON.stringify(wsUrl)});
        ws.onopen = () => ws.send('hello');
        ws.onclose = (e) => { document.title = 'closed ' + e.code; };
      </script></head><body>first script</body></html>`,
    );
    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/first-script.html`);
    await page.waitForFunction(() => document.title === 'closed 4000', { polling: 50 });

    // DevTools attaches after the socket closed: the relay's history still has it.
    const panel = await openPanelTab(env.launched, page);
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
