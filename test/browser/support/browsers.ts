// Launches real Chromium and Firefox ESR with the built extension loaded
// (recipes: ../shared/TESTING.md). A missing browser is a failure, never a skip.

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { GECKO_ID } from '../../../src/build/browser-manifest';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/lib/chromium/chromium';
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const DIST = process.env.WSCI_DIST ?? 'dist';
export const DIST_CHROME = resolve(DIST, 'chrome');
export const DIST_FIREFOX = resolve(DIST, 'firefox');
/** Pinned in Firefox through `extensions.webextensions.uuids`. */
export const FIREFOX_UUID = '7d3f6c1e-2a5b-4c8d-9e0f-1a2b3c4d5e6f';

export type BrowserName = 'chromium' | 'firefox';

/** Closes the browser; kills it if it does not exit in time (Firefox over BiDi can hang). */
async function shutdown(browser: Browser): Promise<void> {
  const closed = browser.close().then(() => true, () => false);
  const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref());
  if (!(await Promise.race([closed, timedOut]))) browser.process()?.kill('SIGKILL');
}

export interface LaunchedBrowser {
  name: BrowserName;
  browser: Browser;
  /** chrome-extension://ID or moz-extension://UUID (empty without the extension). */
  extensionOrigin: string;
  /** Extra temporary folders to remove on close. */
  close(): Promise<void>;
}

function requireFile(path: string, what: string): void {
  if (!existsSync(path)) {
    throw new Error(`${what} not found at ${path}. Install it (apt-get install -y chromium firefox-esr) or set the *_PATH variable.`);
  }
}

export interface LaunchOptions {
  extension?: boolean;
  /** A made-up host name the browser resolves to 127.0.0.1 (a non-secure origin for tests). */
  loopbackHost?: string;
  /**
   * Chromium: puppeteer's network monitoring (default on). With it, Chromium
   * reports every WebSocket frame of every page over CDP, which costs the page
   * more per frame than the extension does: benchmarks and floods turn it off.
   */
  networkEvents?: boolean;
}

export interface ChromiumOptions extends LaunchOptions {
  /** Open DevTools for every tab (`--auto-open-devtools-for-tabs`). */
  devtools?: boolean;
  /** Show windows (the demo, when a display exists). */
  headed?: boolean;
  windowSize?: [number, number];
}

export async function launchChromium(options: ChromiumOptions = {}): Promise<LaunchedBrowser> {
  const extension = options.extension ?? true;
  requireFile(CHROME_PATH, 'Chromium');
  if (extension) requireFile(join(DIST_CHROME, 'manifest.json'), 'The Chrome build (npm run build)');
  const profile = mkdtempSync(join(tmpdir(), 'wsci-chromium-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ];
  if (extension) args.push(`--disable-extensions-except=${DIST_CHROME}`, `--load-extension=${DIST_CHROME}`);
  if (options.devtools) args.push('--auto-open-devtools-for-tabs');
  if (options.windowSize) args.push(`--window-size=${options.windowSize.join(',')}`);
  if (options.loopbackHost) args.push(`--host-resolver-rules=MAP ${options.loopbackHost} 127.0.0.1`);
  const browser = await puppeteer.launch({
    executablePath: CHROME_PATH,
    headless: !options.headed,
    defaultViewport: options.headed || options.windowSize ? null : undefined,
    userDataDir: profile,
    args,
    ignoreDefaultArgs: extension ? ['--disable-extensions'] : [],
    protocolTimeout: 60_000,
    networkEnabled: options.networkEvents ?? true,
  });
  let extensionOrigin = '';
  if (extension) {
    const worker = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
      { timeout: 30_000 },
    );
    extensionOrigin = /^chrome-extension:\/\/[^/]+/.exec(worker.url())![0];
  }
  return {
    name: 'chromium',
    browser,
    extensionOrigin,
    async close() {
      await shutdown(browser);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const extension = options.extension ?? true;
  requireFile(FIREFOX_PATH, 'Firefox ESR');
  if (extension) requireFile(join(DIST_FIREFOX, 'manifest.json'), 'The Firefox build (npm run build)');
  // Keep Firefox's profiles in a folder we own and remove.
  const tmp = mkdtempSync(join(tmpdir(), 'wsci-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, TMPDIR: tmp },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      ...(options.loopbackHost ? { 'network.dns.localDomains': options.loopbackHost } : {}),
    },
    protocolTimeout: 60_000,
  });
  if (extension) await browser.installExtension(DIST_FIREFOX);
  return {
    name: 'firefox',
    browser,
    extensionOrigin: extension ? `moz-extension://${FIREFOX_UUID}` : '',
    async close() {
      await shutdown(browser);
      rmSync(tmp, { recursive: true, force: true });
    },
  };
}

export function launch(name: BrowserName, options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  return name === 'chromium' ? launchChromium(options) : launchFirefox(options);
}

/** The extension's service worker (Chromium only), for tabs lookups and restarts. */
export async function extensionWorker(launched: LaunchedBrowser): Promise<WebWorker> {
  const target = await launched.browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(launched.extensionOrigin),
    { timeout: 30_000 },
  );
  const worker = await target.worker();
  if (!worker) throw new Error('extension service worker not reachable');
  return worker;
}

export type { Page };
