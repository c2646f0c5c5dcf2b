// `npm run store-screenshots`: screenshots for the Chrome Web Store and
// addons.mozilla.org listings, exactly 1280×800, of the real DevTools window
// (undocked) on our panel after the demo's most telling scenarios. Reuses the
// demo (run-demo.ts); writes $WSCI_DIST/packages/store-screenshots/*.png
// (default dist/) and checks each file's size. Not part of `npm test`.

import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openCloseCard } from '../browser/support/panel-ui';
import { DEMO_SCENARIOS } from './playground';
import { pngSize } from './png-size';
import { buildIfNeeded, playScenario, startDemo, type DemoOptions, type DemoSession } from './run-demo';

const OUT = resolve(process.env.WSCI_DIST ?? 'dist', 'packages', 'store-screenshots');
const SIZE = { width: 1280, height: 800 };

interface Shot {
  file: string;
  /** Scenario whose close card is shown; null: the Reference view (1007 vs 1008). */
  scenario: string | null;
}

interface Session {
  options: Omit<DemoOptions, 'viewport'>;
  /** Played in this order, so the connections list shows a realistic mix. */
  play: string[];
  shots: Shot[];
}

const SESSIONS: Session[] = [
  {
    options: { locale: 'en' },
    play: ['normal-1000', 'going-away-1001', 'refused-1006', 'bad-utf8-1006', 'too-big-1009', 'graphql-4401', 'rate-limit-1008', 'lone-surrogate-1007'],
    shots: [
      { file: '1-close-1007-lone-surrogate.png', scenario: 'lone-surrogate-1007' },
      { file: '2-close-1008-rate-limit.png', scenario: 'rate-limit-1008' },
      { file: '3-close-1006-invalid-utf8.png', scenario: 'bad-utf8-1006' },
      { file: '4-reference-1007-vs-1008.png', scenario: null },
    ],
  },
  {
    options: { locale: 'ja', dark: true },
    play: ['normal-1000', 'going-away-1001', 'refused-1006', 'too-big-1009', 'lone-surrogate-1007'],
    shots: [{ file: '5-close-1007-japanese-dark.png', scenario: 'lone-surrogate-1007' }],
  },
];

async function shoot(session: DemoSession, urls: Map<string, string>, shot: Shot): Promise<string> {
  const { panel, devtools } = session;
  if (shot.scenario) {
    await (await panel.waitForSelector('[data-testid="view-connections"]'))!.click();
    await openCloseCard(panel, urls.get(shot.scenario)!);
  } else {
    await (await panel.waitForSelector('[data-testid="view-reference"]'))!.click();
    await panel.waitForSelector('[data-testid="comparison"]');
  }
  // No hover highlight on whatever the last click left the pointer over.
  await devtools.mouse.move(SIZE.width - 1, SIZE.height - 1);
  const file = join(OUT, shot.file);
  await devtools.screenshot({ path: file });
  const size = pngSize(readFileSync(file));
  if (size.width !== SIZE.width || size.height !== SIZE.height) {
    throw new Error(`${file} is ${size.width}×${size.height}, not ${SIZE.width}×${SIZE.height}`);
  }
  return file;
}

async function main(): Promise<void> {
  buildIfNeeded();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  for (const plan of SESSIONS) {
    const session = await startDemo({ ...plan.options, viewport: SIZE });
    try {
      const urls = new Map<string, string>();
      for (const id of plan.play) {
        const scenario = DEMO_SCENARIOS.find((s) => s.id === id);
        if (!scenario) throw new Error(`no demo scenario ${id}`);
        urls.set(id, await playScenario(session, scenario));
      }
      for (const shot of plan.shots) process.stdout.write(`  ${await shoot(session, urls, shot)}\n`);
    } finally {
      await session.close();
    }
  }
  process.stdout.write(`Store screenshots (${SIZE.width}×${SIZE.height}): ${OUT}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
