// Plain http:// sites that are not localhost are not secure contexts: APIs
// marked [SecureContext] (crypto.randomUUID, ...) are missing there, also in
// content scripts. Capture must work on such sites as on any other. The test
// maps a made-up host name to 127.0.0.1 so the page is served from a
// non-secure origin.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenarioServer, type ScenarioServer } from '../server/scenario-server';
import { launch, type BrowserName, type LaunchedBrowser } from './support/browsers';
import { openPanelTab, waitForConnections } from './support/panel';
import { scenarioPage } from './support/scenario-page';

const HOST = 'insecure.wsci.test';

describe.each<BrowserName>(['chromium', 'firefox'])('a non-secure http origin in %s', (browserName) => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser;

  beforeAll(async () => {
    server = await startScenarioServer();
    launched = await launch(browserName, { loopbackHost: HOST });
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  it('captures sockets there and logs no error', async () => {
    const origin = server.origin.replace('127.0.0.1', HOST);
    const wsUrl = `${server.wsOrigin.replace('127.0.0.1', HOST)}/ws/close?code=4000&reason=insecure&after=1`;
    server.page('/insecure.html', scenarioPage(wsUrl, "ws.send('hi')"));
    const page = await launched.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${origin}/insecure.html`);
    await page.waitForFunction(() => (window as unknown as { __done: boolean }).__done, { polling: 50, timeout: 30_000 });
    expect(await page.evaluate(() => isSecureContext)).toBe(false);
    const panel = await openPanelTab(launched, page);
    const connections = await waitForConnections(panel, (cs) => cs.some((c) => c.url === wsUrl && c.state === 'closed'));
    expect(connections.find((c) => c.url === wsUrl)!.close).toEqual({ code: 4000, reason: 'insecure', wasClean: true });
    expect(errors).toEqual([]);
  });
});
