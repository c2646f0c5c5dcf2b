// `npm run demo:firefox`: the same playground in Firefox ESR. With a display,
// `web-ext run` opens Firefox with the add-on and the toolbox; without one, it
// plays every scenario headless with the panel opened as a tab
// (panel.html?tabId=N; the Firefox toolbox cannot be driven) and saves screenshots.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DIST_FIREFOX, FIREFOX_PATH, launchFirefox } from '../browser/support/browsers';
import { openPanelTab } from '../browser/support/panel';
import { DEMO_SCENARIOS } from './playground';
import { startPlayground } from './run-demo';

const SCREENSHOTS = resolve('.tmp/demo-screenshots-firefox');

async function main(): Promise<void> {
  if (!existsSync(resolve(DIST_FIREFOX, 'manifest.json')) || process.argv.includes('--build')) {
    const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
    if (result.status !== 0) process.exit(result.status ?? 1);
  }
  const { server, url } = await startPlayground();
  process.stdout.write(`Playground: ${url}\n`);

  if (process.env.DISPLAY && !process.argv.includes('--headless')) {
    const webExt = spawn(
      'npx',
      ['web-ext', 'run', '--source-dir', DIST_FIREFOX, '--firefox', FIREFOX_PATH, '--start-url', url, '--devtools'],
      { stdio: 'inherit' },
    );
    webExt.on('exit', async (code) => {
      await server.close();
      process.exit(code ?? 0);
    });
    return;
  }

  const launched = await launchFirefox();
  const page = await launched.browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(url);
  const panel = await openPanelTab(launched, page);
  await panel.setViewport({ width: 1400, height: 900 });
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [index, scenario] of DEMO_SCENARIOS.entries()) {
    await page.bringToFront();
    await page.click(`#s-${scenario.id}`);
    await page.waitForFunction((id) => (window as unknown as { __closed: Record<string, number> }).__closed[id] !== undefined, { polling: 50, timeout: 30_000 }, scenario.id);
    await panel.bringToFront();
    await panel.waitForFunction(
      (n) => {
        const store = (globalThis as unknown as { __wsciPanel: { store: { getState(): { connections: Array<{ state: string }> } } } }).__wsciPanel.store;
        return store.getState().connections.filter((c) => c.state === 'closed').length >= n;
      },
      { polling: 50, timeout: 30_000 },
      index + 1,
    );
    const rows = await panel.$$('[data-testid="connection-row"]');
    await rows.at(-1)?.click();
    await (await panel.$('[data-testid="tab-close"]'))?.click();
    const file = resolve(SCREENSHOTS, `${String(index + 1).padStart(2, '0')}-${scenario.id}.png`);
    await panel.screenshot({ path: file });
    process.stdout.write(`  ${scenario.title}: ${file}\n`);
  }
  process.stdout.write(`Screenshots of the panel after each scenario: ${SCREENSHOTS}\n`);
  await launched.close();
  await server.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
