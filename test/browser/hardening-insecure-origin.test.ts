// Plain http:// sites that are not localhost are not secure contexts: APIs
// marked [SecureContext] (crypto.randomUUID, ...) are missing there, also in
// content scripts. Capture must work on such sites as on any other. The test
// maps a made-up host name to 127.0.0.1 so the page is served from a
// non-secure origin.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../src/build/browser-manifest';
import { startScenarioServer, type ScenarioServer } from '../server/scenario-server';
import { CHROME_PATH, DIST_CHROME, DIST_FIREFOX, FIREFOX_PATH, FIREFOX_UUID, type BrowserName, type LaunchedBrowser } from './support/browsers';
import { openPanelTab, waitForConnections } from './support/panel';
import { scenarioPage } from './support/scenario-page';

const HOST = 'insecure.wsci.test';

async function launchWithInsecureHost(name: BrowserName): Promise<LaunchedBrowser> {
  const tmp = mkdtempSync(join(tmpdir(), 'wsci-insecure-'));
  if (name === 'chromium') {
    const browser = await puppeteer.launch({
      executablePath: CHROME_PATH,
      headless: true,
      userDataDir: tmp,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', `--host-resolver-rules=MAP ${HOST} 127.0.0.1`,
        `--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`],
      ignoreDefaultArgs: ['--disable-extensions'],
    });
    const worker = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'));
    const extensionOrigin = /^chrome-extension:\/\/[^/]+/.exec(worker.url())![0];
    return { name, browser, extensionOrigin, close: async () => { await browser.close(); rmSync(tmp, { recursive: true, force: true }); } };
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, TMPDIR: tmp },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'network.dns.localDomains': HOST,
    },
  });
  await browser.installExtension(DIST_FIREFOX);
  return {
    name,
    browser,
    extensionOrigin: `moz-extension://${FIREFOX_UUID}`,
    close: async () => { await browser.close(); rmSync(tmp, { recursive: true, force: true }); },
  };
}

describe.each<BrowserName>(['chromium', 'firefox'])('a non-secure http origin in %s', (browserName) => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser;

  beforeAll(async () => {
    server = await startScenarioServer();
    launched = await launchWithInsecureHost(browserName);
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
