// The Chrome build loads with no warnings or errors on chrome://extensions:
// read through the extensions page's own API (developerPrivate), the same data
// the page shows, after the extension has captured a socket and fed a panel.
// A copy of the build with an unknown permission proves the check can fail.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Target } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { useBrowserWithServer } from './support/fixture';
import { CHROME_PATH, DIST_CHROME } from './support/browsers';
import { openPanelTab, waitForConnections } from './support/panel';
import { scenarioPage } from './support/scenario-page';

interface ExtensionReport {
  name: string;
  state: string;
  manifestErrors: unknown[];
  runtimeErrors: unknown[];
  installWarnings: string[];
}

async function extensionsPage(browser: Browser): Promise<ExtensionReport[]> {
  const page = await browser.newPage();
  await page.goto('chrome://extensions');
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { developerPrivate: any } }).chrome.developerPrivate;
    const all: any[] = await api.getExtensionsInfo({ includeDisabled: true, includeTerminated: true });
    return all.map((e) => ({
      name: e.name,
      state: e.state,
      manifestErrors: e.manifestErrors,
      runtimeErrors: e.runtimeErrors,
      installWarnings: e.installWarnings,
    }));
  });
}

/**
 * Chrome records install warnings and runtime errors only in developer mode:
 * turn it on, then reload every extension so its manifest is read again.
 */
async function developerModeAndReload(browser: Browser): Promise<void> {
  const isWorker = (t: Target) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://');
  const before = new Set(browser.targets().filter(isWorker));
  const page = await browser.newPage();
  await page.goto('chrome://extensions');
  await page.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: { developerPrivate: any } }).chrome.developerPrivate;
    await api.updateProfileConfiguration({ inDeveloperMode: true });
    for (const e of await api.getExtensionsInfo({ includeDisabled: true })) await api.reload(e.id, { failQuietly: true });
  });
  // The reloaded extension starts a new service worker: then its manifest has been read again.
  await browser.waitForTarget((t) => isWorker(t) && !before.has(t), { timeout: 30_000 });
  await page.close();
}

describe('the Chrome build on chrome://extensions', () => {
  const env = useBrowserWithServer('chromium');

  it('shows no warnings and no errors, also after capturing and feeding a panel', async () => {
    await developerModeAndReload(env.launched.browser);
    const wsUrl = `${env.server.wsOrigin}/ws/close?code=4000&reason=load-check&after=1`;
    env.server.page('/load-check.html', scenarioPage(wsUrl, "ws.send('hi')"));
    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/load-check.html`);
    await page.waitForFunction(() => (window as unknown as { __done: boolean }).__done, { polling: 50 });
    const panel = await openPanelTab(env.launched, page);
    await waitForConnections(panel, (cs) => cs.some((c) => c.url === wsUrl && c.state === 'closed'));

    const reports = await extensionsPage(env.launched.browser);
    expect(reports).toEqual([
      { name: 'WebSocket Close Inspector', state: 'ENABLED', manifestErrors: [], runtimeErrors: [], installWarnings: [] },
    ]);
    const manifest = JSON.parse(readFileSync(join(DIST_CHROME, 'manifest.json'), 'utf8'));
    expect(manifest.content_security_policy.extension_pages).toMatch(/script-src 'self';.*object-src 'none'/);
  });

  it('would report a manifest error (control: a copy with an unknown permission)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wsci-bad-manifest-'));
    const profile = mkdtempSync(join(tmpdir(), 'wsci-chromium-'));
    cpSync(DIST_CHROME, dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...manifest, permissions: [...manifest.permissions, 'wsciUnknownPermission'] }));
    const browser = await puppeteer.launch({
      executablePath: CHROME_PATH,
      headless: true,
      userDataDir: profile,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
      ignoreDefaultArgs: ['--disable-extensions'],
    });
    try {
      await browser.waitForTarget((t) => t.type() === 'service_worker', { timeout: 30_000 });
      await developerModeAndReload(browser);
      const [report] = await extensionsPage(browser);
      expect(JSON.stringify(report!.manifestErrors)).toMatch(/Permission 'wsciUnknownPermission' is unknown/);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
      rmSync(profile, { recursive: true, force: true });
    }
  });
});
