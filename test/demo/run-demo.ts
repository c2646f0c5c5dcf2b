// `npm run demo`: builds if needed, starts the scenario server with the
// playground, and opens Chromium with the extension and DevTools on our panel.
// With a display it stays open for you; without one it plays every scenario
// headless and saves a screenshot of the panel after each into a folder.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { startScenarioServer, type ScenarioServer } from '../server/scenario-server';
import { DIST_CHROME, launchChromium } from '../browser/support/browsers';
import { openDevToolsPanel } from '../browser/support/devtools-panel';
import { DEMO_SCENARIOS, playgroundHtml } from './playground';

const PORTS: [number, number] = [8765, 8766];
const SCREENSHOTS = resolve('.tmp/demo-screenshots');

function buildIfNeeded(): void {
  if (existsSync(resolve(DIST_CHROME, 'manifest.json')) && !process.argv.includes('--build')) return;
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export async function startPlayground(): Promise<{ server: ScenarioServer; url: string }> {
  const server = await startScenarioServer(PORTS).catch(() => startScenarioServer());
  server.page('/playground.html', playgroundHtml(server.wsOrigin));
  return { server, url: `${server.origin}/playground.html` };
}

async function main(): Promise<void> {
  buildIfNeeded();
  const { server, url } = await startPlayground();
  const headed = Boolean(process.env.DISPLAY) && !process.argv.includes('--headless');
  const launched = await launchChromium({ devtools: true, headed, windowSize: [1600, 1000] });
  const page = (await launched.browser.pages())[0] ?? (await launched.browser.newPage());
  await page.goto(url);
  const { devtools, panel } = await openDevToolsPanel(launched, 'undocked');
  await devtools.setViewport({ width: 1400, height: 860 });
  process.stdout.write(`Playground: ${url}\n`);

  if (headed) {
    process.stdout.write('Chromium is open with DevTools on the WebSocket Close panel. Press Ctrl+C to stop.\n');
    const stop = async () => {
      await launched.close();
      await server.close();
      process.exit(0);
    };
    process.on('SIGINT', stop);
    launched.browser.on('disconnected', stop);
    return;
  }

  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [index, scenario] of DEMO_SCENARIOS.entries()) {
    await page.click(`#s-${scenario.id}`);
    await page.waitForFunction((id) => (window as unknown as { __closed: Record<string, number> }).__closed[id] !== undefined, { polling: 50, timeout: 30_000 }, scenario.id);
    const count = index + 1;
    await panel.waitForFunction(
      (n) => {
        const store = (globalThis as unknown as { __wsciPanel: { store: { getState(): { connections: Array<{ state: string }> } } } }).__wsciPanel.store;
        return store.getState().connections.filter((c) => c.state === 'closed').length >= n;
      },
      { polling: 50, timeout: 30_000 },
      count,
    );
    await selectLatestConnection(panel);
    const file = resolve(SCREENSHOTS, `${String(count).padStart(2, '0')}-${scenario.id}.png`);
    await devtools.screenshot({ path: file });
    process.stdout.write(`  ${scenario.title}: ${file}\n`);
  }
  process.stdout.write(`Screenshots of the panel after each scenario: ${SCREENSHOTS}\n`);
  await launched.close();
  await server.close();
}

/** Opens the newest connection's close card, as a person would by clicking its row. */
async function selectLatestConnection(panel: import('puppeteer-core').Frame): Promise<void> {
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
