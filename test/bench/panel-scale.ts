// Panel at scale (issue 5, goal 4): one connection of 100,000 ~200-byte frames
// fed straight into the panel's store (`__wsciPanel.store.applyRecords`, the
// same call the transport makes), then, in the panel tab:
//   render100kMs  click on the connection row → frames list rows in the DOM → that frame painted
//   filter100kMs  a regex typed into the filter → the shown count updated → that frame painted
//   heapMiB100k   the panel page's used JS heap after a forced GC (CDP Runtime.getHeapUsage)
// Five warm-up rounds with other patterns come first (the first of them, cold
// code right after the feed, is reported as render100kFirstMs and
// filter100kFirstMs), and every measured pattern's shown count is checked
// against the same regex run over the same previews in Node.

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
  /** The first render and the first filter after the feed, before the warm-up rounds: cold code, the feed's garbage (reported). */
  render100kFirstMs: number;
  filter100kFirstMs: number;
  heapMiB100k: number;
  /** Heap before the records were added, for the delta. */
  heapMiBEmpty: number;
  /** Frames each measured pattern left shown; each was checked against the same regex over the same previews in Node. */
  shownByPattern: Record<string, number>;
}

/** The ~200-character preview of frame `j`, evaluated in the panel and in Node. */
const PREVIEW = String.raw`
(j) => JSON.stringify({ id: j, type: j % 3 ? 'update' : 'quote', user: 'user-' + (j % 977), price: (j * 7919 % 100000) / 100, note: 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor' }).padEnd(200, ' ')`;

/** The measured patterns: each is run once per round of five, on a timeline it has not filtered before. */
const PATTERNS = ['user-(12|34)7"', 'price":9\\d\\.', '"quote".*user-5\\d\\b', 'id":\\d*42,', 'note.*sed do eius.*user-9'];
/** Warm-up patterns (not measured), other than the measured ones so that none of those is compiled beforehand. */
const WARM_UP = ['type":"update', 'user-\\d{3}"', 'lorem.*tempor', 'price":1\\d', 'quote"'];

function expectedShown(pattern: string): number {
  const preview = new Function(`return ${PREVIEW.trim()}`)() as (j: number) => string;
  const regex = new RegExp(pattern, 'i');
  let n = 0;
  for (let j = 0; j < PANEL_FRAMES; j++) if (regex.test(preview(j))) n++;
  return n;
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
      const preview = (${PREVIEW})(j);
      const common = { seq: ++seq, time: t0 + 2 + j, socket: 1, kind: 'text', size: preview.length, preview, truncated: false };
      records.push(j % 2 ? { ...common, type: 'received' } : { ...common, type: 'sent', readyState: 1, bufferedAmount: 0, thrown: null, findings: [] });
    }
    store.applyRecords({ source, records });
  }
  return store.getState().connections.find((c) => c.url === url).timeline.length;
}`;

/**
 * Runs `act` and resolves, in ms (performance.now in the panel), just after
 * the first frame painted once `changed()` holds: a MutationObserver sees the
 * change in the microtask after the panel's render, and the animation frame
 * requested there is the one that paints it (polling with timers instead
 * would find the change only after that frame and wait for another).
 */
const AFTER_PAINT = String.raw`
(act, target, changed) => new Promise((resolve) => {
  const t0 = performance.now();
  const painted = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
  const observer = new MutationObserver(() => {
    if (!changed()) return;
    observer.disconnect();
    painted();
  });
  observer.observe(target, { childList: true, subtree: true, characterData: true });
  act();
})`;

/** Click on the connection row → frame rows in the DOM → painted, in ms. */
const OPEN_FRAMES = String.raw`
(url) => {
  const rows = () => document.querySelectorAll('[data-testid="frames-list"] .frame-row[id^="frame-"]').length;
  const row = [...document.querySelectorAll('[data-testid="connection-row"]')].find((r) => r.querySelector('[title="' + url + '"]') || r.title === url);
  if (!row) throw new Error('no connection row for ' + url);
  return (${AFTER_PAINT})(() => row.click(), document.body, () => rows() > 0);
}`;

const CLOSE_DETAILS = String.raw`
async () => {
  const button = document.querySelector('[data-testid="close-details"]');
  if (button) button.click();
  while (document.querySelector('[data-testid="connection-details"]')) await new Promise((r) => setTimeout(r, 10));
}`;

/** Sets the regex filter → the shown count changed → painted, in ms, and the count shown. */
const FILTER = String.raw`
async (pattern) => {
  const input = document.querySelector('[data-testid="frame-filter"]');
  const count = document.querySelector('[data-testid="frame-count"]');
  const before = count.textContent;
  const act = () => {
    input.value = pattern;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  };
  const ms = await (${AFTER_PAINT})(act, count, () => count.textContent !== before);
  return { ms, shown: count.textContent };
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

  const round = async (pattern: string) => {
    await panel.evaluate(`(${CLOSE_DETAILS})()`);
    const render = (await panel.evaluate(`(${OPEN_FRAMES})(${JSON.stringify(url)})`)) as number;
    const got = (await panel.evaluate(`(${FILTER})(${JSON.stringify(pattern)})`)) as { ms: number; shown: string };
    await panel.evaluate(`(${FILTER})('')`);
    const [shown] = /^[\d,]+/.exec(got.shown.trim()) ?? ['NaN'];
    return { render, filter: got.ms, shown: Number(shown.replace(/,/g, '')) };
  };
  // A user types a regex one key at a time, so the filter they wait for runs warm code: measure that, report the first.
  const warmUp: Awaited<ReturnType<typeof round>>[] = [];
  for (const pattern of WARM_UP) warmUp.push(await round(pattern));
  const render: number[] = [];
  const filter: number[] = [];
  const shownByPattern: Record<string, number> = {};
  for (let r = 0; r < rounds; r++) {
    const pattern = PATTERNS[r % PATTERNS.length]!;
    const got = await round(pattern);
    render.push(got.render);
    filter.push(got.filter);
    shownByPattern[pattern] = got.shown;
  }
  for (const [pattern, shown] of Object.entries(shownByPattern)) {
    const expected = expectedShown(pattern);
    if (shown !== expected) throw new Error(`the filter /${pattern}/i showed ${shown} frames, the regex matches ${expected} previews`);
  }
  const result: PanelResults = {
    render100kMs: median(render),
    filter100kMs: median(filter),
    render100kFirstMs: warmUp[0]!.render,
    filter100kFirstMs: warmUp[0]!.filter,
    heapMiB100k: await usedHeapMiB(panel),
    heapMiBEmpty,
    shownByPattern,
  };
  const list = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' ');
  log(`panel: warm-up render ${list(warmUp.map((w) => w.render))} ms, filter ${list(warmUp.map((w) => w.filter))} ms`);
  log(`panel: render ${list(render)} ms; filter ${list(filter)} ms (shown ${Object.values(shownByPattern).join(', ')}); heap ${result.heapMiB100k.toFixed(1)} MiB`);
  await panel.close();
  await page.close();
  return result;
}
