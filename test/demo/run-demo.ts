// `npm run demo`: builds if needed, starts the scenario server with the
// playground, and opens Chromium with the extension and DevTools on our panel.
// With a display it stays open for you; without one it plays every scenario
// headless and saves a screenshot of the panel after each into a folder.
// The pieces are exported: `npm run store-screenshots` (store-screenshots.ts) reuses them.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { startScenarioServer, type ScenarioServer } from '../server/scenario-server';
import { DIST_CHROME, extensionWorker, launchChromium, type LaunchedBrowser } from '../browser/support/browsers';
import { openDevToolsPanel } from '../browser/support/devtools-panel';
import { DEMO_SCENARIOS, playgroundHtml, type DemoScenario } from './playground';

const PORTS: [number, number] = [8765, 8766];
const SCREENSHOTS = resolve('.tmp/demo-screenshots');

export function buildIfNeeded(): void {
  if (existsSync(resolve(DIST_CHROME, 'manifest.json')) && !process.argv.includes('--build')) return;
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export async function startPlayground(): Promise<{ server: ScenarioServer; url: string }> {
  const server = await startScenarioServer(PORTS).catch(() => startScenarioServer());
  server.page('/playground.html', playgroundHtml(server.wsOrigin));
  return { server, url: `${server.origin}/playground.html` };
}

export interface DemoOptions {
  headed?: boolean;
  /** Size of the undocked DevTools window's page: what a screenshot shows. */
  viewport: { width: number; height: number };
  /** The panel's language (stored before the panel first loads); default: the browser's. */
  locale?: 'en' | 'ja';
  /** Dark DevTools (and so a dark panel). */
  dark?: boolean;
}

export interface DemoSession {
  server: ScenarioServer;
  url: string;
  launched: LaunchedBrowser;
  /** The playground tab. */
  page: Page;
  /** The undocked DevTools front end: screenshots of it show what a person sees. */
  devtools: Page;
  panel: Frame;
  /** Scenarios played so far. */
  played: number;
  close(): Promise<void>;
}

/** Chromium with the extension, the playground loaded and DevTools undocked on our panel. */
export async function startDemo(options: DemoOptions): Promise<DemoSession> {
  const { server, url } = await startPlayground();
  const launched = await launchChromium({ devtools: true, headed: options.headed, windowSize: [1600, 1000] });
  if (options.locale) {
    const worker = await extensionWorker(launched);
    // The worker's globals, extension APIs included, appear a moment after its target: wait for them.
    const deadline = Date.now() + 10_000;
    while ((await worker.evaluate('typeof chrome')) !== 'object') {
      if (Date.now() > deadline) throw new Error('the extension service worker never exposed chrome.*');
      await new Promise((r) => setTimeout(r, 50));
    }
    await worker.evaluate(`chrome.storage.local.set({ uiSettings: { locale: ${JSON.stringify(options.locale)}, preserveLog: true } })`);
  }
  const page = (await launched.browser.pages())[0] ?? (await launched.browser.newPage());
  await page.goto(url);
  if (options.dark) await useDarkTheme(launched);
  const { devtools, panel } = await openDevToolsPanel(launched, 'undocked');
  await devtools.setViewport(options.viewport);
  if (options.dark) await panel.waitForFunction(() => document.documentElement.dataset.theme === 'dark', { polling: 50, timeout: 10_000 });
  return {
    server,
    url,
    launched,
    page,
    devtools,
    panel,
    played: 0,
    async close() {
      await launched.close();
      await server.close();
    },
  };
}

/**
 * Switches DevTools' own theme setting (Settings → Appearance) before our panel
 * loads: the panel reads it then (devtools.panels.themeName).
 */
async function useDarkTheme(launched: LaunchedBrowser): Promise<void> {
  const target = await launched.browser.waitForTarget((t) => t.url().startsWith('devtools://devtools/bundled/devtools_app.html'), { timeout: 30_000 });
  const devtools = await target.asPage();
  const deadline = Date.now() + 30_000;
  // DevTools internals, like openDevToolsPanel: a string, so the module path reaches the browser untouched.
  const setDark = `import('./core/common/common.js').then((C) => { C.Settings.Settings.instance().moduleSetting('ui-theme').set('dark'); return true; })`;
  while (!(await devtools.evaluate(setDark).catch(() => false))) {
    if (Date.now() > deadline) throw new Error('could not switch DevTools to its dark theme');
    await new Promise((r) => setTimeout(r, 100)); // the front end is still starting
  }
}

/** Clicks the scenario's button, waits for its close in the page and in the panel; returns the socket's URL. */
export async function playScenario(session: DemoSession, scenario: DemoScenario): Promise<string> {
  const { page, panel } = session;
  await page.click(`#s-${scenario.id}`);
  const wsUrl = (await page.evaluate(() => (window as unknown as { __lastUrl: string }).__lastUrl)) as string;
  await page.waitForFunction((id) => (window as unknown as { __closed: Record<string, number> }).__closed[id] !== undefined, { polling: 50, timeout: 30_000 }, scenario.id);
  session.played++;
  await panel.waitForFunction(
    (n) => {
      const store = (globalThis as unknown as { __wsciPanel: { store: { getState(): { connections: Array<{ state: string }> } } } }).__wsciPanel.store;
      return store.getState().connections.filter((c) => c.state === 'closed').length >= n;
    },
    { polling: 50, timeout: 30_000 },
    session.played,
  );
  return wsUrl;
}

async function main(): Promise<void> {
  buildIfNeeded();
  const headed = Boolean(process.env.DISPLAY) && !process.argv.includes('--headless');
  const session = await startDemo({ headed, viewport: { width: 1400, height: 860 } });
  const { launched, panel, devtools } = session;
  process.stdout.write(`Playground: ${session.url}\n`);

  if (headed) {
    process.stdout.write('Chromium is open with DevTools on the WebSocket Close panel. Press Ctrl+C to stop.\n');
    const stop = async () => {
      await session.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    launched.browser.on('disconnected', stop);
    return;
  }

  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const scenario of DEMO_SCENARIOS) {
    await playScenario(session, scenario);
    await selectLatestConnection(panel);
    const file = resolve(SCREENSHOTS, `${String(session.played).padStart(2, '0')}-${scenario.id}.png`);
    await devtools.screenshot({ path: file });
    process.stdout.write(`  ${scenario.title}: ${file}\n`);
  }
  process.stdout.write(`Screenshots of the panel after each scenario: ${SCREENSHOTS}\n`);
  await session.close();
}

/** Opens the newest connection's close card, as a person would by clicking its row. */
async function selectLatestConnection(panel: Frame): Promise<void> {
  const rows = await panel.$$('[data-testid="connection-row"]');
  const last = rows.at(-1);
  if (!last) return;
  await last.click();
  const closeTab = await panel.$('[data-testid="tab-close"]');
  await closeTab?.click();
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
