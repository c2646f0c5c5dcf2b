// `npm run bench`: builds the Chrome extension into its own folder, then runs
// every benchmark of issue 5 in real Chromium (hooked = extension loaded,
// unhooked = the same Chromium without it; both launched, rounds alternate),
// prints a table with goals and verdicts and writes bench-results.json at the
// repo root. Benchmarks, not tests: a missed goal is reported, never failed.
//
// Environment: WSCI_DIST (build folder, default .tmp/dist-bench),
// BENCH_SKIP_BUILD=1, BENCH_ROUNDS (default 5), BENCH_PIPELINE_SECONDS (default 4),
// BENCH_ONLY=hook,core,pipeline,panel,flood (a subset).

import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Verdict } from './support/report';

process.env.WSCI_DIST ??= '.tmp/dist-bench';
/** Rounds at least, for every figure; the echo cases run more (hook-overhead.ts: 27 or 81), a larger BENCH_ROUNDS raises them. */
const ROUNDS = Math.max(5, Number(process.env.BENCH_ROUNDS ?? 5));
const PIPELINE_SECONDS = Number(process.env.BENCH_PIPELINE_SECONDS ?? 4);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'hook,core,pipeline,panel,flood').split(','));
const started = Date.now();
const log = (line: string) => console.log(`[bench +${((Date.now() - started) / 1000).toFixed(0)}s] ${line}`);

if (process.env.BENCH_SKIP_BUILD !== '1') {
  log(`building the Chrome extension into ${process.env.WSCI_DIST}/chrome`);
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'chrome', '--logLevel', 'warn'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) throw new Error('build failed');
}

// After WSCI_DIST is set: browsers.ts reads it when loaded.
const { launchChromium, launchFirefox } = await import('../browser/support/browsers');
const { DEFAULT_CAPTURE_SETTINGS } = await import('../../src/protocol/settings');
const { startBenchServer } = await import('./support/bench-server');
const { cpuTimes, describeMachine, stealPercent } = await import('./support/machine');
const { runHookOverhead, perEchoText } = await import('./hook-overhead');
const { runCoreRatios } = await import('./core-ratios');
const { bundleCoreRatios, runCoreRatiosIn } = await import('./core-browsers');
const { openBenchPage } = await import('./support/bench-page');
const { runPipeline } = await import('./pipeline');
const { runPanelScale, PANEL_FRAMES } = await import('./panel-scale');
const { runPageFlood, FLOOD_MESSAGES, PANEL_FLOOD_MESSAGES } = await import('./page-flood');
const { printReport } = await import('./support/report');

const server = await startBenchServer();
// Without puppeteer's network monitoring: it makes Chromium report every frame over CDP (see ChromiumOptions).
const hooked = await launchChromium({ networkEvents: false });
const unhooked = await launchChromium({ extension: false, networkEvents: false });
const results: Record<string, unknown> = {};
const verdicts: Verdict[] = [];
const bufferCapRecords = DEFAULT_CAPTURE_SETTINGS.bufferRecords;
const previewChars = DEFAULT_CAPTURE_SETTINGS.previewChars;
/** Memory a record may take at most with the default caps: its preview (UTF-16, worst case) and 1 KiB for the rest. */
const recordBoundBytes = previewChars * 2 + 1024;

/** Three ratios of one engine, for the table. */
const figures = (c: { analyzeVsEncode1MiB: { ascii: number; japanese: number }; validateVsTextDecoder1MiB: number }) =>
  [c.analyzeVsEncode1MiB.ascii, c.analyzeVsEncode1MiB.japanese, c.validateVsTextDecoder1MiB].map((x) => x.toFixed(3)).join(' / ');

/** CPU time the host took from this machine, per section and over the run (percent; see stealPercent). */
const steal: Record<string, number | null> = {};
const runStart = cpuTimes();
let sectionStart = runStart;
/** Ends a section: how much CPU time was stolen during it, logged and kept, and the results so far written. */
function endSection(name: string): void {
  const now = cpuTimes();
  steal[name] = stealPercent(sectionStart, now);
  steal.run = stealPercent(runStart, now);
  sectionStart = now;
  if (steal[name] !== null) log(`${name}: ${steal[name]}% of the CPU time was stolen by the host`);
  writeResults();
}

/** Written after every section, so a late failure keeps what was measured. */
function writeResults(): void {
  results.cpuStealPercent = steal;
  results.verdicts = verdicts;
  results.durationSeconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(resolve('bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

try {
  results.machine = describeMachine(await hooked.browser.version());
  results.config = { rounds: ROUNDS, pipelineSeconds: PIPELINE_SECONDS, panelFrames: PANEL_FRAMES, floodMessages: FLOOD_MESSAGES, panelFloodMessages: PANEL_FLOOD_MESSAGES, bufferCapRecords, previewChars };

  if (ONLY.has('hook')) {
    // The A/A control: one more Chromium without the extension, for this section only.
    const control = await launchChromium({ extension: false, networkEvents: false });
    let hook: Awaited<ReturnType<typeof runHookOverhead>>;
    try {
      hook = await runHookOverhead(hooked, unhooked, control, server, ROUNDS, log);
    } finally {
      await control.close();
    }
    results.hook = hook;
    verdicts.push(
      { field: 'hook.smallTextRatio', value: hook.smallTextRatio, goal: '≥ 0.97', ok: hook.smallTextRatio >= 0.97 },
      { field: 'hook.binary1kRatio', value: hook.binary1kRatio, goal: '≥ 0.97', ok: hook.binary1kRatio >= 0.97 },
      { field: 'hook.text1MiBRatio', value: hook.text1MiBRatio, goal: '≥ 0.95', ok: hook.text1MiBRatio >= 0.95 },
      { field: 'hook.smallTextRatioPanelOpen', value: hook.smallTextRatioPanelOpen, goal: '≥ 0.90', ok: hook.smallTextRatioPanelOpen >= 0.9 },
      {
        field: 'hook.smallTextRatioControl (A/A: two Chromiums without the extension)',
        value: `${hook.smallTextRatioControl.toFixed(3)} (rounds ${hook.spread.smallTextRatioControl!.map((x) => x.toFixed(2)).join('–')})`,
        goal: 'report',
        ok: null,
      },
      { field: 'hook.unquietRounds (echo rounds begun before the machine was quiet)', value: hook.unquietRounds, goal: 'report', ok: null },
      { field: 'hook.sendCallRatio', value: hook.sendCallRatio, goal: '≤ 1.25', ok: hook.sendCallRatio <= 1.25 },
      { field: 'hook.sendCallRatioWithFlush (extra)', value: hook.sendCallRatioWithFlush, goal: 'report', ok: null },
      {
        field: 'hook.cpuRatio (browser CPU time hooked ÷ unhooked: small / binary / 1 MiB / panel attached)',
        value: Object.values(hook.cpuRatio).map((r) => (r === null ? 'n/a' : r.toFixed(3))).join(' / '),
        goal: 'report',
        ok: null,
      },
      {
        field: 'hook.mainThreadUsPerEcho (renderer main thread, µs per echo hooked / unhooked: small; binary; 1 MiB; panel attached)',
        value: Object.values(hook.mainThreadUsPerEcho).map(perEchoText).join('; '),
        goal: 'report',
        ok: null,
      },
    );
    endSection('hook');
  }
  if (ONLY.has('core')) {
    // In the browsers the hook runs in (Chromium: the verdict; Firefox ESR: reported), and in Node for comparison.
    const rounds = Math.max(ROUNDS, 9);
    const script = await bundleCoreRatios();
    const chromiumPage = await openBenchPage(unhooked.browser, `${server.origin}/core`);
    const chromium = await runCoreRatiosIn(chromiumPage, rounds, script);
    await chromiumPage.close();
    const firefox = await launchFirefox({ extension: false });
    let firefoxCore: unknown;
    try {
      firefoxCore = await runCoreRatiosIn(await firefox.browser.newPage(), rounds, script);
    } finally {
      await firefox.close();
    }
    const node = runCoreRatios(rounds);
    const core = { ...chromium, firefox: firefoxCore, node };
    results.core = core;
    log(`core: ${JSON.stringify(core)}`);
    verdicts.push(
      { field: 'core.analyzeVsEncode1MiB.ascii (Chromium)', value: core.analyzeVsEncode1MiB.ascii, goal: '≤ 0.25', ok: core.analyzeVsEncode1MiB.ascii <= 0.25 },
      { field: 'core.analyzeVsEncode1MiB.japanese (Chromium)', value: core.analyzeVsEncode1MiB.japanese, goal: '≤ 0.25', ok: core.analyzeVsEncode1MiB.japanese <= 0.25 },
      { field: 'core.validateVsTextDecoder1MiB (Chromium)', value: core.validateVsTextDecoder1MiB, goal: 'report', ok: null },
      { field: 'core in Firefox ESR (ascii / japanese / validate)', value: figures(firefoxCore as typeof chromium), goal: 'report', ok: null },
      { field: 'core in Node (ascii / japanese / validate)', value: figures(node), goal: 'report', ok: null },
    );
    endSection('core');
  }
  if (ONLY.has('pipeline')) {
    const pipeline = await runPipeline(hooked, unhooked, server, ROUNDS, PIPELINE_SECONDS, log);
    results.pipeline = pipeline;
    verdicts.push(
      { field: 'pipeline.framesPerSecond', value: pipeline.framesPerSecond, goal: '≥ 50,000', ok: pipeline.framesPerSecond >= 50_000 },
      { field: 'pipeline.unhookedSendRate (the page without the extension)', value: pipeline.unhookedSendRate, goal: 'report', ok: null },
      { field: 'pipeline.sent / reached', value: `${pipeline.sent} / ${pipeline.reached}`, goal: 'report', ok: null },
      { field: 'pipeline.droppedReported', value: pipeline.droppedReported, goal: 'report', ok: null },
      {
        field: 'pipeline.lost',
        value: pipeline.lost,
        goal: '0 (sent − reached − dropped)',
        ok: pipeline.rounds.every((r) => r.lost === 0),
      },
    );
    endSection('pipeline');
  }
  if (ONLY.has('panel')) {
    const panel = await runPanelScale(hooked, server, ROUNDS, log);
    const heapCap = (PANEL_FRAMES * recordBoundBytes) / 2 ** 20;
    results.panel = { ...panel, heapBoundMiB: heapCap };
    verdicts.push(
      { field: 'panel.render100kMs', value: panel.render100kMs, goal: '< 150', ok: panel.render100kMs < 150 },
      { field: 'panel.filter100kMs', value: panel.filter100kMs, goal: '< 50', ok: panel.filter100kMs < 50 },
      { field: 'panel.render100kFirstMs / filter100kFirstMs (cold, before the warm-up)', value: `${panel.render100kFirstMs.toFixed(1)} / ${panel.filter100kFirstMs.toFixed(1)}`, goal: 'report', ok: null },
      { field: 'panel.heapMiB100k', value: panel.heapMiB100k, goal: `≤ ${heapCap.toFixed(0)} (100k × (2×previewChars + 1 KiB))`, ok: panel.heapMiB100k <= heapCap },
    );
    endSection('panel');
  }
  if (ONLY.has('flood')) {
    const capMiB = (bufferCapRecords * recordBoundBytes) / 2 ** 20;
    try {
      const flood = await runPageFlood(hooked, unhooked, server, ROUNDS, log);
      results.page = { ...flood, bufferCapRecords, bufferCapBoundMiB: capMiB };
      verdicts.push({
        field: 'page.heapGrowthMiB1M',
        value: flood.heapGrowthMiB1M,
        goal: `≤ ${capMiB.toFixed(1)} (cap ${bufferCapRecords} records × ${recordBoundBytes} B)`,
        ok: flood.heapGrowthMiB1M <= capMiB,
      });
      verdicts.push(
        { field: 'page.panelInputMaxMs (panel attached during the flood)', value: flood.panelInputMaxMs, goal: '≤ 100', ok: flood.panelInputMaxMs <= 100 },
        { field: 'page.panelInputP95Ms', value: flood.panelInputP95Ms, goal: 'report', ok: null },
      );
    } catch (error) {
      // Reported, not fatal: the other figures still print.
      results.page = { error: String(error), bufferCapRecords, bufferCapBoundMiB: capMiB };
      verdicts.push({ field: 'page.heapGrowthMiB1M', value: 'not measured (see page.error)', goal: `≤ ${capMiB.toFixed(1)}`, ok: null });
      log(`flood failed: ${String(error)}`);
    }
    endSection('flood');
  }
} finally {
  await hooked.close();
  await unhooked.close();
  await server.close();
}

const stolen = steal.run ?? null;
verdicts.push({ field: 'CPU time stolen by the host (whole run)', value: stolen === null ? 'unknown' : `${stolen}%`, goal: 'report', ok: null });
writeResults();
printReport(results, verdicts);
log(`wrote ${resolve('bench-results.json')}`);
