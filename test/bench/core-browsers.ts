// The core ratios (core-ratios.ts) where the hook really runs: bundled with
// esbuild into one script and run in a blank page of the Chromium without
// the extension, and of Firefox ESR. Which native calls are fast differs by
// engine (src/core/ascii-scan.ts), so Node's V8 says little about a browser.

import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { CoreResults } from './core-ratios';

const ENTRY = fileURLToPath(new URL('./core-ratios.ts', import.meta.url));

/** core-ratios.ts as one classic script that defines `window.__wsciCoreRatios`. */
async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: '__wsciCoreRatios',
    target: 'es2022',
    platform: 'browser',
  });
  return result.outputFiles[0]!.text;
}

/** Runs the core ratios in `page` (any blank page of a browser without the extension). */
export async function runCoreRatiosIn(page: Page, rounds: number, script?: string): Promise<CoreResults> {
  await page.evaluate(script ?? (await bundle()));
  return (await page.evaluate(`window.__wsciCoreRatios.runCoreRatios(${rounds})`)) as CoreResults;
}

export { bundle as bundleCoreRatios };
