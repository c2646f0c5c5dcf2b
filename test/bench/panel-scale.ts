// Panel at scale (issue 5, goal 4): one connection of 100,000 ~200-byte frames
// fed straight into the panel's store (`__wsciPanel.store.applyRecords`, the
// same call the transport makes), then, in the panel tab:
//   render100kMs  click on the connection row → frames list rows in the DOM, + the next frame
//   filter100kMs  a regex typed into the filter → the shown count updated, + the next frame
//   heapMiB100k   the panel page's used JS heap after a forced GC (CDP Runtime.getHeapUsage)

import { openPanelTab } from '../browser/support/panel';
import type { LaunchedBrowser } from '../browser/support/browsers';
import { openBenchPage } from './support/bench-page';
import type { BenchServer } from './support/bench-server';
import { median } from './support/stats';
import { usedHeapMiB } from '../browser/support/heap';

export const PANEL_FRAMES = 100_000;

export interface PanelResults {
  render100kMs: number;
  filter100kMs: number;
  heapMiB100k: number;
  /** Heap before the records were added, for the delta. */
  heapMiBEmpty: number;
  shownAfterFilter: number;
}

/** Feeds one connection with `count` frames of ~200 bytes, in batches like the transport's. */
const FEED = String.raw`
(count, url) => {
  const store = globalThis.__wsciPanel.store;
  const source = { docId: 'bench-doc', frameUrl: 'http://127.0.0.1/bench-panel', isTop: false };
  const t0 = Date.now() - count;
  let seq = 0;
  store.applyRecords({ source, records: [
    { type: 'created', seq: ++seq, time: t0, socket: 1, url, protocols: [], frameUrl: source.frameUrl, stack: '' },
    { type: 'open', seq: ++seq, time: t0 + 1, socket: 1, protocol: '', extensions: '' },
  ] });
  const batch = 1000;
  for (let i = 0; i < count; i += batch) {
    const records = [];
    for (let j = i; j < Math.min(count, i + batch); j++) {
      const preview = JSON.stringify({ id: j, type: j % 3 ? 'update' : 'quote', user: 'user-' + (j % 977), price: (j * 7919 % 100000) / 100, note: 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor' }).padEnd(200, ' ');
      const common = { seq: ++seq, time: t0 + 2 + j, socket: 1, kind: 'text', size: preview.length, preview, truncated: false };
      records.push(j % 2 ? { ...common, type: 'received' } : { ...common, type: 'sent', readyState: 1, bufferedAmount: 0, thrown: null, findings: [] });
    }
    store.applyRecords({ source, records });
  }
  return store.getState().connections.find((c) => c.url === url).timeline.length;
}`;

/** Click → rows in the DOM → next animation frame, in ms (performance.now in the panel). */
const OPEN_FRAMES = String.raw`
async (url) => {
  const rows = () => document.querySelectorAll('[data-testid="frames-list"] .frame-row[id^="frame-"]').length;
  const row = [...document.querySelectorAll('[data-testid="connection-row"]')].find((r) => r.querySelector('[title="' + url + '"]') || r.title === url);
  if (!row) throw new Error('no connection row for ' + url);
  const t0 = performance.now();
  row.click();
  while (rows() === 0) await new Promise((r) => requestAnimationFrame(() => r()));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return performance.now() - t0;
}`;

const CLOSE_DETAILS = String.raw`
async () => {
  const button = document.querySelector('[data-testid="close-details"]');
  if (button) button.click();
  while (document.querySelector('[data-testid="connection-details"]')) await new Promise((r) => setTimeout(r, 10));
}`;

/** Sets the regex filter; resolves when the shown count changed, + the next frame. */
const FILTER = String.raw`
async (pattern) => {
  const input = document.querySelector('[data-testid="frame-filter"]');
  const count = document.querySelector('[data-testid="frame-count"]');
  const before = count.textContent;
  const t0 = performance.now();
  input.value = pattern;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  while (count.textContent === before) await new Promise((r) => setTimeout(r, 0));
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return { ms: performance.now() - t0, shown: count.textContent };
}`;

export async function runPanelScale(hooked: LaunchedBrowser, server: BenchServer, rounds: number, log: (line: string) => void): Promise<PanelResults> {
  const page = await openBenchPage(hooked.browser, `${server.origin}/panel-scale`);
  const panel = await openPanelTab(hooked, page);
  await panel.setViewport({ width: 1280, height: 800 });
  await panel.bringToFront();
  const heapMiBEmpty = await usedHeapMiB(panel);
  const url = 'wss://bench.example/ws/100k';
  const length = (await panel.evaluate(`(${FEED})(${PANEL_FRAMES}, ${JSON.stringify(url)})`)) as number;
  if (length !== PANEL_FRAMES + 2) throw new Error(`store holds ${length} records, expected ${PANEL_FRAMES + 2}`);
  await panel.waitForSelector('[data-testid="connection-row"]', { timeout: 30_000 });

  const render: number[] = [];
  const filter: number[] = [];
  let shown = '';
  const patterns = ['user-(12|34)7"', 'price":9\\d\\.', '"quote".*user-5\\d\\b', 'id":\\d*42,', 'note.*sed do eius.*user-9'];
  for (let r = 0; r < rounds; r++) {
    await panel.evaluate(`(${CLOSE_DETAILS})()`);
    render.push((await panel.evaluate(`(${OPEN_FRAMES})(${JSON.stringify(url)})`)) as number);
    const got = (await panel.evaluate(`(${FILTER})(${JSON.stringify(patterns[r % patterns.length])})`)) as { ms: number; shown: string };
    filter.push(got.ms);
    shown = got.shown;
    await panel.evaluate(`(${FILTER})('')`);
  }
  const result: PanelResults = {
    render100kMs: median(render),
    filter100kMs: median(filter),
    heapMiB100k: await usedHeapMiB(panel),
    heapMiBEmpty,
    shownAfterFilter: Number(/[\d,]+/.exec(shown)?.[0]?.replace(/,/g, '') ?? NaN),
  };
  log(`panel: render ${render.map((x) => x.toFixed(1)).join(' ')} ms; filter ${filter.map((x) => x.toFixed(1)).join(' ')} ms; heap ${result.heapMiB100k.toFixed(1)} MiB`);
  await panel.close();
  await page.close();
  return result;
}
