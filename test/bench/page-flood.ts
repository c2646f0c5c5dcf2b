// Page memory under flood (issue 5, goal 5): 1,000,000 small messages
// received with DevTools closed. Per round and browser: a fresh tab, a forced
// GC and the heap read through CDP on the page target, the flood, another GC
// and read. The two browsers of a round flood at the same time: what a flood
// leaves on the heap does not depend on its speed, and the section, the
// longest of the bench, takes half as long. `Runtime.getHeapUsage` on the page target reports the renderer's
// V8 isolate, which holds the page's main world *and* the extension's
// isolated world (the relay and its buffer), so the hooked figure includes
// both. Growth with the extension minus growth without, median of rounds.
//
// Panel responsiveness under flood (issue 6 §3): one more hooked flood with a
// panel tab attached (and in front). Every ~200 ms puppeteer presses a key in
// the panel's connection filter (real input through CDP); the panel records,
// per input event, the time from the event's timeStamp to just after the next
// animation frame. Max and p95 of those, over the whole flood.

import type { Browser, Page } from 'puppeteer-core';
import type { LaunchedBrowser } from '../browser/support/browsers';
import { openPanelTab } from '../browser/support/panel';
import { call, openBenchPage } from './support/bench-page';
import type { BenchServer } from './support/bench-server';
import { median } from './support/stats';
import { usedHeapMiB } from '../browser/support/heap';

/**
 * Polls a page expression from Node until it is truthy. Not waitForFunction:
 * that is one CDP call lasting the whole wait, and a hooked 1M flood outlasts
 * the browser's 60 s protocol timeout.
 */
async function pollPage(page: Page, expression: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate(expression))) {
    if (Date.now() > deadline) throw new Error(`${expression} did not hold within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const FLOOD_MESSAGES = 1_000_000;
/**
 * The panel-attached flood, for the panel's input latency (issue 6): long
 * enough for some 70 probes under a sustained flood (~7 s here). It was the
 * full 1,000,000 (47 s), which took the bench past the 10 minutes it has.
 */
export const PANEL_FLOOD_MESSAGES = 150_000;
const CHUNK = 20_000;

export interface FloodResults {
  heapGrowthMiB1M: number;
  hookedGrowthMiB: number;
  unhookedGrowthMiB: number;
  /** How long a flood took, each beside the other browser's (not a speed figure). */
  hookedFloodMs: number;
  unhookedFloodMs: number;
  /** Input event → next frame in the panel during a flood, worst case and p95 (ms). */
  panelInputMaxMs: number;
  panelInputP95Ms: number;
  panelInputSamples: number;
  panelFloodMs: number;
}

/** Records, for every input event on the connection filter, event timeStamp → just after the next frame. */
/**
 * In the panel: every 100 ms, what a key press in the connection filter does
 * (set the value, dispatch `input`), timed from when it was due (so a busy
 * main thread's queueing counts) to just after the next animation frame.
 */
const PANEL_INPUT_PROBE = String.raw`
(() => {
  window.__inputLatencies = [];
  const input = document.querySelector('[data-testid="connection-filter"]');
  const start = performance.now();
  let k = 0;
  const tick = () => {
    const due = start + ++k * 100;
    input.value = k % 2 ? 'w' : '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    requestAnimationFrame(() => setTimeout(() => window.__inputLatencies.push(performance.now() - due), 0));
    window.__inputTimer = setTimeout(tick, Math.max(0, start + (k + 1) * 100 - performance.now()));
  };
  window.__inputTimer = setTimeout(tick, 100);
  window.__stopInput = () => clearTimeout(window.__inputTimer);
})()`;

const percentile = (xs: readonly number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/** One hooked flood with the panel attached and in front, typing into its filter meanwhile. */
async function panelInputDuringFlood(hooked: LaunchedBrowser, server: BenchServer): Promise<{ latencies: number[]; floodMs: number }> {
  const page = await openBenchPage(hooked.browser, `${server.origin}/flood?panel-input`);
  await call(page, 'open', 'flood', `${server.wsOrigin}/ws/flood`);
  const panel = await openPanelTab(hooked, page);
  await panel.setViewport({ width: 1280, height: 800 });
  await panel.bringToFront();
  await panel.waitForSelector('[data-testid="connection-filter"]');
  await panel.evaluate(PANEL_INPUT_PROBE);
  // Started, not awaited (`undefined`: evaluate would wait for a returned promise).
  await page.evaluate(`window.__floodDone = null; window.__bench.flood('flood', ${PANEL_FLOOD_MESSAGES}, ${CHUNK}).then((ms) => { window.__floodDone = ms; }); undefined`);
  await pollPage(page, 'window.__floodDone !== null', 600_000);
  await panel.evaluate('window.__stopInput()');
  const floodMs = (await page.evaluate('window.__floodDone')) as number;
  // The last probe's frame may still be pending.
  const latencies = (await panel.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(window.__inputLatencies), 0)))')) as number[];
  await panel.close();
  await page.close();
  return { latencies, floodMs };
}

async function floodOnce(browser: Browser, server: BenchServer, tag: string, times: number[]): Promise<number> {
  const page = await openBenchPage(browser, `${server.origin}/flood?${tag}`);
  await call(page, 'open', 'flood', `${server.wsOrigin}/ws/flood`);
  const before = await usedHeapMiB(page);
  // A hooked flood can outlast one CDP call's timeout: start it, then poll for its end.
  await page.evaluate(`window.__floodDone = null; window.__bench.flood('flood', ${FLOOD_MESSAGES}, ${CHUNK}).then((ms) => { window.__floodDone = ms; }); undefined`);
  await pollPage(page, 'window.__floodDone !== null', 600_000);
  times.push((await page.evaluate('window.__floodDone')) as number);
  // Let the hook's last batch reach the relay before measuring.
  await page.evaluate('new Promise((r) => setTimeout(r, 200))');
  const after = await usedHeapMiB(page);
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
  const samples = { hooked: [] as number[], unhooked: [] as number[] };
  for (let round = 1; round <= rounds; round++) {
    const [h, u] = await Promise.all([
      floodOnce(hooked.browser, server, `hooked-${round}`, times.hooked),
      floodOnce(unhooked.browser, server, `unhooked-${round}`, times.unhooked),
    ]);
    samples.hooked.push(h);
    samples.unhooked.push(u);
  }
  const diffs = samples.hooked.map((h, i) => h - samples.unhooked[i]!);
  // One round: a hooked 1M flood with the panel attached is long; every key press is a sample.
  const input = await panelInputDuringFlood(hooked, server);
  log(`panel input during flood: ${input.latencies.length} samples, max ${Math.max(...input.latencies).toFixed(1)} ms, p95 ${percentile(input.latencies, 95).toFixed(1)} ms, flood ${input.floodMs.toFixed(0)} ms`);
  log(`flood growth hooked ${samples.hooked.map((x) => x.toFixed(2)).join(' ')} MiB; unhooked ${samples.unhooked.map((x) => x.toFixed(2)).join(' ')} MiB`);
  return {
    heapGrowthMiB1M: median(diffs),
    hookedGrowthMiB: median(samples.hooked),
    unhookedGrowthMiB: median(samples.unhooked),
    hookedFloodMs: median(times.hooked),
    unhookedFloodMs: median(times.unhooked),
    panelInputMaxMs: input.latencies.length > 0 ? Math.max(...input.latencies) : NaN,
    panelInputP95Ms: percentile(input.latencies, 95),
    panelInputSamples: input.latencies.length,
    panelFloodMs: input.floodMs,
  };
}
