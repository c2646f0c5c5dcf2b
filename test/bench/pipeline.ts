// Pipeline (issue 5, goal 3): a page sends small frames as fast as it can
// with the panel attached (a panel tab on that page); we count what reaches
// the panel's store and what the panel reports as dropped.
//   reached          = `sent` records of the round's connection in the store
//   droppedReported  = the round document's dropped.overflow + rejected
//   lost             = sent − reached − droppedReported (the definition)
//   framesPerSecond  = reached ÷ (last arrival − first send)
//   unhookedSendRate = the same loop in the same Chromium without the extension
//                      (each round right after the hooked one, for 250 ms): the page's own ceiling
//
// Chromium takes frames from a page far faster than it writes them to the
// network (half a million a second in, ~30,000 out, in its network service):
// every run leaves a backlog that keeps a core busy for seconds. Each run
// therefore starts only once the server has read every frame of the last.

import type { Page } from 'puppeteer-core';
import { openPanelTab } from '../browser/support/panel';
import type { LaunchedBrowser } from '../browser/support/browsers';
import { call, openBenchPage } from './support/bench-page';
import type { BenchServer } from './support/bench-server';
import { BENCH_PAGE_SCRIPT } from './support/page-scripts';
import { median } from './support/stats';

export interface PipelineRound {
  sent: number;
  reached: number;
  droppedReported: number;
  lost: number;
  framesPerSecond: number;
  pageSendRate: number;
  unhookedSendRate: number;
}

export interface PipelineResults {
  framesPerSecond: number;
  lost: number;
  droppedReported: number;
  sent: number;
  reached: number;
  seconds: number;
  /** Frames/s the same page loop sends without the extension (median): no pipeline can beat it. */
  unhookedSendRate: number;
  rounds: PipelineRound[];
}

/** The unhooked page's ceiling needs no longer, and leaves a backlog of 300,000+ frames a second. */
const UNHOOKED_MS = 250;

/** Installs a store subscriber in the panel that notes when the round's connection last grew. */
const WATCH = String.raw`
(url) => {
  const store = globalThis.__wsciPanel.store;
  const w = globalThis.__benchWatch = { url, frames: 0, lastArrival: 0 };
  const look = (state) => {
    const c = state.connections.find((x) => x.url === w.url);
    if (c && c.sent.frames !== w.frames) { w.frames = c.sent.frames; w.lastArrival = Date.now(); }
  };
  w.unsubscribe = store.subscribe(look);
  look(store.getState());
}`;

const READ = String.raw`
(pageUrl) => {
  const w = globalThis.__benchWatch;
  const docs = [...globalThis.__wsciPanel.store.getState().documents.values()].filter((d) => d.source.frameUrl === pageUrl);
  const dropped = docs.reduce((n, d) => n + d.dropped.overflow + d.dropped.rejected, 0);
  return { frames: w.frames, lastArrival: w.lastArrival, dropped };
}`;

async function settle(panel: Page, pageUrl: string, sent: number): Promise<{ frames: number; lastArrival: number; dropped: number }> {
  // Wait until everything arrived, or nothing more has for 3 s.
  let last = { frames: -1, lastArrival: 0, dropped: 0 };
  let stableSince = Date.now();
  for (;;) {
    const now = (await panel.evaluate(`(${READ})(${JSON.stringify(pageUrl)})`)) as typeof last;
    if (now.frames !== last.frames) stableSince = Date.now();
    last = now;
    if (now.frames >= sent) {
      await new Promise((r) => setTimeout(r, 700)); // let the last drop counts arrive too
      return (await panel.evaluate(`(${READ})(${JSON.stringify(pageUrl)})`)) as typeof last;
    }
    if (Date.now() - stableSince > 3_000) return now;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function runPipeline(
  hooked: LaunchedBrowser,
  unhooked: LaunchedBrowser,
  server: BenchServer,
  rounds: number,
  seconds: number,
  log: (line: string) => void,
): Promise<PipelineResults> {
  const page = await openBenchPage(hooked.browser, `${server.origin}/pipeline?round=0`);
  const panel = await openPanelTab(hooked, page);
  const plain = await openBenchPage(unhooked.browser, `${server.origin}/pipeline-unhooked`);
  const unhookedUrl = `${server.wsOrigin}/ws/sink?unhooked`;
  await call(plain, 'open', 'sink', unhookedUrl);
  let unhookedSent = 0;
  const results: PipelineRound[] = [];
  for (let r = 1; r <= rounds; r++) {
    // A fresh document per round: its own relay, buffer and drop counts.
    const pageUrl = `${server.origin}/pipeline?round=${r}`;
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.evaluate(BENCH_PAGE_SCRIPT);
    await page.bringToFront();
    await panel.evaluate(`globalThis.__wsciPanel.store.clear()`); // free the last round's records
    const wsUrl = `${server.wsOrigin}/ws/sink?round=${r}`;
    await panel.evaluate(`(${WATCH})(${JSON.stringify(wsUrl)})`);
    await call(page, 'open', 'sink', wsUrl);
    // Measure the attached steady state: the relay streams once the panel has seen this socket.
    await panel.waitForFunction(
      `globalThis.__wsciPanel.store.getState().connections.some((c) => c.url === ${JSON.stringify(wsUrl)})`,
      { polling: 50, timeout: 30_000 },
    );
    const run = await call<{ sent: number; wallStart: number; sendMs: number }>(page, 'sendFor', 'sink', seconds * 1000);
    const got = await settle(panel, pageUrl, run.sent);
    await panel.evaluate(`globalThis.__benchWatch.unsubscribe()`);
    await server.sinkDrained(wsUrl, run.sent);
    await call(page, 'close', 'sink');
    await plain.bringToFront();
    const sinkBefore = unhookedSent;
    const ceiling = await call<{ sent: number; sendMs: number }>(plain, 'sendFor', 'sink', UNHOOKED_MS);
    unhookedSent += ceiling.sent;
    // The unhooked page sends several times faster than the server reads: the next round waits for it.
    await server.sinkDrained(unhookedUrl, sinkBefore + ceiling.sent);
    const round: PipelineRound = {
      sent: run.sent,
      reached: got.frames,
      droppedReported: got.dropped,
      lost: run.sent - got.frames - got.dropped,
      framesPerSecond: got.frames / ((got.lastArrival - run.wallStart) / 1000),
      pageSendRate: run.sent / (run.sendMs / 1000),
      unhookedSendRate: ceiling.sent / (ceiling.sendMs / 1000),
    };
    results.push(round);
    log(`pipeline round ${r}: ${JSON.stringify(round)}`);
  }
  await panel.close();
  await page.close();
  await plain.close();
  // The round with the median throughput speaks for the counts (they belong together).
  const sorted = [...results].sort((a, b) => a.framesPerSecond - b.framesPerSecond);
  const mid = sorted[sorted.length >> 1]!;
  return {
    framesPerSecond: median(results.map((x) => x.framesPerSecond)),
    lost: mid.lost,
    droppedReported: mid.droppedReported,
    sent: mid.sent,
    reached: mid.reached,
    seconds,
    unhookedSendRate: median(results.map((x) => x.unhookedSendRate)),
    rounds: results,
  };
}
