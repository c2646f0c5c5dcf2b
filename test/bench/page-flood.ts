// Page memory under flood (issue 5, goal 5): 1,000,000 small messages
// received with DevTools closed. Per round and browser: a fresh tab, a forced
// GC and the heap read through CDP on the page target, the flood, another GC
// and read. `Runtime.getHeapUsage` on the page target reports the renderer's
// V8 isolate, which holds the page's main world *and* the extension's
// isolated world (the relay and its buffer), so the hooked figure includes
// both. Growth with the extension minus growth without, median of rounds.

import type { Browser, Page } from 'puppeteer-core';
import type { LaunchedBrowser } from '../browser/support/browsers';
import { call, openBenchPage } from './support/bench-page';
import type { BenchServer } from './support/bench-server';
import { interleave, median } from './support/stats';

export const FLOOD_MESSAGES = 1_000_000;
const CHUNK = 20_000;

export interface FloodResults {
  heapGrowthMiB1M: number;
  hookedGrowthMiB: number;
  unhookedGrowthMiB: number;
  hookedFloodMs: number;
  unhookedFloodMs: number;
}

async function heapUsedMiB(page: Page): Promise<number> {
  const cdp = await page.createCDPSession();
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}

async function floodOnce(browser: Browser, server: BenchServer, tag: string, times: number[]): Promise<number> {
  const page = await openBenchPage(browser, `${server.origin}/flood?${tag}`);
  await call(page, 'open', 'flood', `${server.wsOrigin}/ws/flood`);
  const before = await heapUsedMiB(page);
  // A hooked flood can outlast one CDP call's timeout: start it, then poll for its end.
  await page.evaluate(`window.__floodDone = null; window.__bench.flood('flood', ${FLOOD_MESSAGES}, ${CHUNK}).then((ms) => { window.__floodDone = ms; })`);
  await page.waitForFunction('window.__floodDone !== null', { polling: 250, timeout: 300_000 });
  times.push((await page.evaluate('window.__floodDone')) as number);
  // Let the hook's last batch reach the relay before measuring.
  await page.evaluate('new Promise((r) => setTimeout(r, 200))');
  const after = await heapUsedMiB(page);
  await page.close();
  return after - before;
}

export async function runPageFlood(
  hooked: LaunchedBrowser,
  unhooked: LaunchedBrowser,
  server: BenchServer,
  rounds: number,
  log: (line: string) => void,
): Promise<FloodResults> {
  const times = { hooked: [] as number[], unhooked: [] as number[] };
  let round = 0;
  const samples = await interleave(rounds, {
    hooked: () => floodOnce(hooked.browser, server, `hooked-${++round}`, times.hooked),
    unhooked: () => floodOnce(unhooked.browser, server, `unhooked-${++round}`, times.unhooked),
  });
  const diffs = samples.hooked.map((h, i) => h - samples.unhooked[i]!);
  log(`flood growth hooked ${samples.hooked.map((x) => x.toFixed(2)).join(' ')} MiB; unhooked ${samples.unhooked.map((x) => x.toFixed(2)).join(' ')} MiB`);
  return {
    heapGrowthMiB1M: median(diffs),
    hookedGrowthMiB: median(samples.hooked),
    unhookedGrowthMiB: median(samples.unhooked),
    hookedFloodMs: median(times.hooked),
    unhookedFloodMs: median(times.unhooked),
  };
}
