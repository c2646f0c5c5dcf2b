// Hook overhead (issue 5, goals 1 and 2): echo round-trip throughput and the
// cost of 100,000 send() calls, hooked (extension loaded) ÷ unhooked (same
// Chromium, no extension), the variants interleaved round by round. A third
// Chromium, also without the extension, runs the small echoes beside them: its
// ratio to the unhooked one (an A/A control) shows how far two identical
// browsers differ on this machine, the resolution of every ratio here.

import type { Page } from 'puppeteer-core';
import { openPanelTab } from '../browser/support/panel';
import type { LaunchedBrowser } from '../browser/support/browsers';
import { call, openBenchPage } from './support/bench-page';
import type { BenchServer } from './support/bench-server';
import { machineQuiet, processTreeCpuMs } from './support/machine';
import { interleave, median, medianRatio } from './support/stats';

interface EchoCase {
  field: 'smallTextRatio' | 'binary1kRatio' | 'text1MiBRatio';
  kind: 'small' | 'binary1k' | 'text1MiB';
  count: number;
  window: number;
  /** Rounds at least (a larger BENCH_ROUNDS raises them). */
  rounds: number;
  /** Also run by the A/A control browser. */
  control?: true;
}

/**
 * Many short rounds rather than a few long ones: one round's ratio swings by
 * ±30% here whatever its length (the host's scheduling, not the work), so
 * the median needs rounds, not messages. 4,000 small echoes take ~0.17 s.
 * With 27 rounds the A/A control's median still came out anywhere from 0.93
 * to 1.00 from run to run, wider than the gap to a goal; 81 rounds of the
 * small and binary echoes cost about two minutes more.
 */
const CASES: EchoCase[] = [
  { field: 'smallTextRatio', kind: 'small', count: 4_000, window: 64, rounds: 81, control: true },
  { field: 'binary1kRatio', kind: 'binary1k', count: 4_000, window: 64, rounds: 81 },
  { field: 'text1MiBRatio', kind: 'text1MiB', count: 16, window: 2, rounds: 27 },
];
/** Rounds of the small echoes with the panel attached. */
const PANEL_ROUNDS = 81;
const SEND_CALLS = 100_000;
/**
 * Rounds of the send() loops: every loop waits until the sink has read all
 * earlier frames (Chromium writes 64-byte frames out at some 30,000 to 45,000
 * a second), so a loop costs 2–5 s, nearly all of it that wait. Single
 * rounds spread from 0.55 to 1.6 here, and the median of the minimum
 * of 5 moved from 1.07 to 1.26 between runs; 9 cost some 20 s more.
 */
const SEND_ROUNDS = 9;

type CpuCase = 'smallText' | 'binary1k' | 'text1MiB' | 'smallTextPanelOpen';

/** CPU time a variant's rounds took: every browser process, and the renderers' main threads. */
interface CpuSamples {
  tree: number[];
  main: number[];
}
const cpuSamples = (): CpuSamples => ({ tree: [], main: [] });

export interface HookResults {
  smallTextRatio: number;
  binary1kRatio: number;
  text1MiBRatio: number;
  smallTextRatioPanelOpen: number;
  /**
   * Extra, the A/A control: unhooked ÷ a second unhooked Chromium in the
   * small case, same rounds. Two identical browsers, so 1 but for the
   * machine's noise; a hooked ratio this far from 1 is within it.
   */
  smallTextRatioControl: number;
  /**
   * Extra: CPU time of every process of the browser for the same echoes,
   * hooked ÷ unhooked (median over rounds; above 1 is what the extension
   * costs). The host's stolen time is not in it, so it holds where the
   * throughput ratios swing; null where /proc is missing.
   */
  cpuRatio: Record<CpuCase, number | null>;
  /**
   * Extra: CPU time of the renderers' main threads per echo (µs, all rounds
   * summed: /proc counts in 10 ms ticks), hooked and unhooked. The page's
   * script, its listeners and the hook share that thread, and each echo
   * waits on it, so the difference is the hook's cost per message (with a
   * panel attached, the panel's renderer is in it too).
   */
  mainThreadUsPerEcho: Record<CpuCase, { hooked: number; unhooked: number } | null>;
  sendCallRatio: number;
  /** Extra: the send loop plus the next task (the hook's batch flush and the relay's handling of it). */
  sendCallRatioWithFlush: number;
  /** Extra: timed rounds that began before the machine was quiet (machineQuiet gave up waiting). */
  unquietRounds: number;
  /** Medians of the raw figures, for the table. */
  raw: Record<string, number>;
  /** Lowest and highest per-round ratio of each figure: how noisy the machine was. */
  spread: Record<string, [number, number]>;
}

/** Rounds that began before the machine was quiet, in this run. */
let unquietRounds = 0;

/** Brings the page to the front and waits until what the previous round left running has finished. */
async function settle(page: Page): Promise<void> {
  await page.bringToFront();
  if (!(await machineQuiet())) unquietRounds++;
}

/** Milliseconds for `count` echoes, once settled. */
async function timed(page: Page, kind: string, count: number, window: number): Promise<number> {
  await settle(page);
  return call<number>(page, 'echo', 'echo', kind, count, window);
}

/** `timed`, noting the CPU time the browser's processes spent meanwhile in `cpu` (NaN where /proc could not be read). */
async function timedWithCpu(launched: LaunchedBrowser, cpu: CpuSamples, page: Page, kind: string, count: number, window: number): Promise<number> {
  const pid = launched.browser.process()?.pid;
  await settle(page);
  const before = processTreeCpuMs(pid);
  const ms = await call<number>(page, 'echo', 'echo', kind, count, window);
  const after = processTreeCpuMs(pid);
  cpu.tree.push(before && after ? after.tree - before.tree : Number.NaN);
  cpu.main.push(before && after ? after.rendererMain - before.rendererMain : Number.NaN);
  return ms;
}

/** Median of hooked ÷ unhooked CPU time per round; null when /proc could not be read. */
function cpuRatioOf(hooked: CpuSamples, unhooked: CpuSamples): number | null {
  const ratio = medianRatio(hooked.tree, unhooked.tree);
  return Number.isFinite(ratio) ? ratio : null;
}

/** Main-thread µs per echo over all rounds; null when /proc could not be read. */
function perEchoOf(hooked: CpuSamples, unhooked: CpuSamples, count: number): { hooked: number; unhooked: number } | null {
  const us = (xs: number[]) => (xs.reduce((a, b) => a + b, 0) * 1000) / (xs.length * count);
  const figures = { hooked: us(hooked.main), unhooked: us(unhooked.main) };
  return Number.isFinite(figures.hooked) && Number.isFinite(figures.unhooked) ? figures : null;
}

/** "hooked / unhooked" µs, for the log and the table. */
export const perEchoText = (f: { hooked: number; unhooked: number } | null): string =>
  f === null ? 'n/a' : `${f.hooked.toFixed(1)} / ${f.unhooked.toFixed(1)}`;

const range = (xs: number[]): [number, number] => [Math.min(...xs), Math.max(...xs)];

export async function runHookOverhead(
  hooked: LaunchedBrowser,
  unhooked: LaunchedBrowser,
  control: LaunchedBrowser,
  server: BenchServer,
  minRounds: number,
  log: (line: string) => void,
): Promise<HookResults> {
  unquietRounds = 0;
  const pageUrl = `${server.origin}/hook-overhead`;
  const hookedPage = await openBenchPage(hooked.browser, pageUrl);
  const plainPage = await openBenchPage(unhooked.browser, pageUrl);
  const controlPage = await openBenchPage(control.browser, pageUrl);
  await call(controlPage, 'open', 'echo', `${server.wsOrigin}/ws/echo`);
  const sinks = new Map<Page, { url: string; sent: number }>();
  for (const [name, page] of [['hooked', hookedPage], ['unhooked', plainPage]] as const) {
    await call(page, 'open', 'echo', `${server.wsOrigin}/ws/echo`);
    const url = `${server.wsOrigin}/ws/sink?${name}`;
    await call(page, 'open', 'sink', url);
    sinks.set(page, { url, sent: 0 });
  }
  const raw: Record<string, number> = {};
  const spread: Record<string, [number, number]> = {};
  const results = {} as HookResults;
  results.cpuRatio = { smallText: null, binary1k: null, text1MiB: null, smallTextPanelOpen: null };
  results.mainThreadUsPerEcho = { smallText: null, binary1k: null, text1MiB: null, smallTextPanelOpen: null };
  const cpuKey = { small: 'smallText', binary1k: 'binary1k', text1MiB: 'text1MiB' } as const;

  for (const c of CASES) {
    // Warm up every page's code paths once before timing.
    for (const page of c.control ? [hookedPage, plainPage, controlPage] : [hookedPage, plainPage]) {
      await timed(page, c.kind, Math.min(c.count, 500), c.window);
    }
    const cpu = { hooked: cpuSamples(), unhooked: cpuSamples() };
    const variants: Record<string, () => Promise<number>> = {
      hooked: () => timedWithCpu(hooked, cpu.hooked, hookedPage, c.kind, c.count, c.window),
      unhooked: () => timedWithCpu(unhooked, cpu.unhooked, plainPage, c.kind, c.count, c.window),
    };
    if (c.control) variants.control = () => timed(controlPage, c.kind, c.count, c.window);
    const samples = (await interleave(Math.max(c.rounds, minRounds), variants)) as Record<'hooked' | 'unhooked' | 'control', number[]>;
    if (c.control) {
      results.smallTextRatioControl = medianRatio(samples.control, samples.unhooked);
      spread.smallTextRatioControl = range(samples.control.map((x, i) => x / samples.unhooked[i]!));
      log(`hook.smallTextRatioControl = ${results.smallTextRatioControl.toFixed(3)} (A/A: two Chromiums without the extension)`);
    }
    // Throughput ratio = unhooked time ÷ hooked time.
    results[c.field] = medianRatio(samples.unhooked, samples.hooked);
    results.cpuRatio[cpuKey[c.kind]] = cpuRatioOf(cpu.hooked, cpu.unhooked);
    results.mainThreadUsPerEcho[cpuKey[c.kind]] = perEchoOf(cpu.hooked, cpu.unhooked, c.count);
    spread[c.field] = range(samples.unhooked.map((u, i) => u / samples.hooked[i]!));
    raw[`${c.kind} hooked msg/s`] = (c.count / median(samples.hooked)) * 1000;
    raw[`${c.kind} unhooked msg/s`] = (c.count / median(samples.unhooked)) * 1000;
    log(`hook.${c.field} = ${results[c.field].toFixed(3)} (CPU time ${results.cpuRatio[cpuKey[c.kind]]?.toFixed(3) ?? 'n/a'}; main thread ${perEchoText(results.mainThreadUsPerEcho[cpuKey[c.kind]])} µs/echo)`);
  }

  {
    // The panel tab exists only for this case: while it is attached the extension's worker
    // probes the tab and the panel repaints, which must not weigh on the DevTools-closed cases.
    const panelPage = await openBenchPage(hooked.browser, `${pageUrl}?panel`);
    const panel = await openPanelTab(hooked, panelPage);
    await call(panelPage, 'open', 'echo', `${server.wsOrigin}/ws/echo`);
    const c = CASES[0]!;
    await timed(panelPage, c.kind, 500, c.window);
    const cpu = { panel: cpuSamples(), unhooked: cpuSamples() };
    const samples = await interleave(Math.max(PANEL_ROUNDS, minRounds), {
      panel: () => timedWithCpu(hooked, cpu.panel, panelPage, c.kind, c.count, c.window),
      unhooked: () => timedWithCpu(unhooked, cpu.unhooked, plainPage, c.kind, c.count, c.window),
    });
    results.smallTextRatioPanelOpen = medianRatio(samples.unhooked, samples.panel);
    results.cpuRatio.smallTextPanelOpen = cpuRatioOf(cpu.panel, cpu.unhooked);
    results.mainThreadUsPerEcho.smallTextPanelOpen = perEchoOf(cpu.panel, cpu.unhooked, c.count);
    spread.smallTextRatioPanelOpen = range(samples.unhooked.map((u, i) => u / samples.panel[i]!));
    raw['small panel-open msg/s'] = (c.count / median(samples.panel)) * 1000;
    log(`hook.smallTextRatioPanelOpen = ${results.smallTextRatioPanelOpen.toFixed(3)} (CPU time ${results.cpuRatio.smallTextPanelOpen?.toFixed(3) ?? 'n/a'}; main thread ${perEchoText(results.mainThreadUsPerEcho.smallTextPanelOpen)} µs/echo)`);
    await panel.close();
    await panelPage.close();
  }

  {
    const loop = (page: Page) => async () => {
      // Each loop starts once the server has read every earlier frame of either browser:
      // Chromium writes them out long after send() returned, on the same cores.
      for (const earlier of sinks.values()) await server.sinkDrained(earlier.url, earlier.sent);
      const sink = sinks.get(page)!;
      await page.bringToFront();
      const times = await call<[number, number]>(page, 'sendLoop', 'sink', SEND_CALLS);
      sink.sent += SEND_CALLS;
      return times;
    };
    await loop(hookedPage)();
    await loop(plainPage)();
    const pairs: Record<'hooked' | 'unhooked', Array<[number, number]>> = { hooked: [], unhooked: [] };
    await interleave(SEND_ROUNDS, {
      hooked: async () => (pairs.hooked.push(await loop(hookedPage)()), 0),
      unhooked: async () => (pairs.unhooked.push(await loop(plainPage)()), 0),
    });
    results.sendCallRatio = medianRatio(pairs.hooked.map((p) => p[0]), pairs.unhooked.map((p) => p[0]));
    spread.sendCallRatio = range(pairs.hooked.map((p, i) => p[0] / pairs.unhooked[i]![0]));
    results.sendCallRatioWithFlush = medianRatio(pairs.hooked.map((p) => p[1]), pairs.unhooked.map((p) => p[1]));
    raw['send() hooked µs/call'] = (median(pairs.hooked.map((p) => p[0])) * 1000) / SEND_CALLS;
    raw['send() unhooked µs/call'] = (median(pairs.unhooked.map((p) => p[0])) * 1000) / SEND_CALLS;
    log(`hook.sendCallRatio = ${results.sendCallRatio.toFixed(3)} (with flush ${results.sendCallRatioWithFlush.toFixed(3)})`);
  }
  await hookedPage.close();
  await plainPage.close();
  await controlPage.close();
  results.raw = raw;
  results.spread = spread;
  results.unquietRounds = unquietRounds;
  return results;
}
