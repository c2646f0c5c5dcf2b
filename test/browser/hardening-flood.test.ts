// Floods (issue 6 §3): the page receives 1,000,000 small messages from the
// scenario server as fast as it reads them. The page must get every one, in
// order (it checks each against the server's numbered sequence, so any loss,
// duplicate or reordering the hook could cause shows up); the relay's history
// stays bounded (Chromium: the page's heap growth within the buffer cap);
// and every record the hook emitted is either held by the panel or counted as
// dropped, and shown. (a) DevTools closed during the flood, the panel opened
// after it: the panel holds the buffer cap and reports the rest as dropped.
// (b) The panel attached for the whole flood: nothing is dropped.

import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CAPTURE_SETTINGS } from '../../src/protocol/settings';
import type { BrowserName } from './support/browsers';
import { useBrowserWithServer } from './support/fixture';
import { openPanelTab } from './support/panel';
import { usedHeapMiB } from './support/heap';

const MESSAGES = 1_000_000;
/** What the hook emits for one flood socket: created, open, every message, closed. */
const EMITTED = MESSAGES + 3;
const CAP = DEFAULT_CAPTURE_SETTINGS.bufferRecords;
/** Memory a record may take at most with the default caps (as the bench holds it): its preview in UTF-16 and 1 KiB for the rest. */
const RECORD_BOUND_BYTES = 2 * DEFAULT_CAPTURE_SETTINGS.previewChars + 1024;
const HEAP_BOUND_MIB = (CAP * RECORD_BOUND_BYTES) / 2 ** 20;
/** A hooked 1M flood takes 30–60 s in Chromium on 2 cores; generous on purpose (a slow CI machine). */
const FLOOD_TIMEOUT = 480_000;

interface FloodSeen {
  got: number;
  /** Messages that were not the next expected one ("m" + index in 15 digits). */
  mismatches: number;
  firstMismatch: string | null;
  last: string | null;
  close: { code: number; reason: string; wasClean: boolean } | null;
  errors: number;
}

/** The page opens the flood socket when told to (`window.startFlood()`), and checks every message against the next expected one. */
function floodPage(wsUrl: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>flood</title><script>
  window.__flood = { got: 0, mismatches: 0, firstMismatch: null, last: null, close: null, errors: 0 };
  window.startFlood = () => {
    const seen = window.__flood;
    const ws = new WebSocket(${JSON.stringify(wsUrl)});
    ws.onmessage = (e) => {
      const expected = 'm' + String(seen.got).padStart(15, '0');
      if (e.data !== expected) { seen.mismatches++; if (seen.firstMismatch === null) seen.firstMismatch = seen.got + ': ' + String(e.data).slice(0, 40); }
      seen.got++;
      seen.last = e.data;
    };
    ws.onerror = () => { seen.errors++; };
    ws.onclose = (e) => { seen.close = { code: e.code, reason: e.reason, wasClean: e.wasClean }; };
  };
  </script></head><body>flood</body></html>`;
}

/**
 * Polls `read` in the page until `done` holds. Short evaluations from Node, not
 * waitForFunction: that is one CDP call lasting the whole wait, and a flood
 * outlasts the browser's protocol timeout.
 */
async function pollPage<T>(page: Page, read: () => T, done: (value: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = (await page.evaluate(read)) as T;
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met in time; last: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Starts the flood in `page` and resolves with what the page saw once the socket closed. */
async function flood(page: Page): Promise<FloodSeen> {
  await page.evaluate(() => (window as unknown as { startFlood(): void }).startFlood());
  return pollPage(page, () => (window as unknown as { __flood: FloodSeen }).__flood, (seen) => seen.close !== null, FLOOD_TIMEOUT);
}

interface DocumentCount {
  /** Records of the document's connections the panel's store holds. */
  held: number;
  overflow: number;
  rejected: number;
  received: number;
  state: string;
}

/** What the panel's store holds for the document at `frameUrl` (one connection). */
function countDocument(panel: Page, frameUrl: string): Promise<DocumentCount | null> {
  return panel.evaluate((url) => {
    type Doc = { source: { docId: string; frameUrl: string }; dropped: { overflow: number; rejected: number } };
    type Conn = { source: { docId: string }; timeline: unknown[]; received: { frames: number }; state: string };
    const state = (globalThis as unknown as { __wsciPanel: { store: { getState(): { documents: Map<string, Doc>; connections: Conn[] } } } }).__wsciPanel.store.getState();
    const doc = [...state.documents.values()].find((d) => d.source.frameUrl === url);
    if (!doc) return null;
    const connections = state.connections.filter((c) => c.source.docId === doc.source.docId);
    return {
      held: connections.reduce((n, c) => n + c.timeline.length, 0),
      overflow: doc.dropped.overflow,
      rejected: doc.dropped.rejected,
      received: connections.reduce((n, c) => n + c.received.frames, 0),
      state: connections.map((c) => c.state).join(','),
    };
  }, frameUrl);
}

/** Polls until the panel accounts for every emitted record of the document (held or dropped). */
async function waitForAccounting(panel: Page, frameUrl: string): Promise<DocumentCount> {
  const deadline = Date.now() + FLOOD_TIMEOUT;
  let last: DocumentCount | null = null;
  while (Date.now() < deadline) {
    last = await countDocument(panel, frameUrl);
    if (last && last.state === 'closed' && last.held + last.overflow + last.rejected >= EMITTED) return last;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the panel never accounted for ${EMITTED} records; last: ${JSON.stringify(last)}`);
}

function expectEveryMessage(seen: FloodSeen): void {
  expect(seen.errors).toBe(0);
  expect(seen.close).toEqual({ code: 1000, reason: 'flood done', wasClean: true });
  expect(seen.mismatches, `first out of order: ${seen.firstMismatch}`).toBe(0);
  expect(seen.got).toBe(MESSAGES);
  expect(seen.last).toBe(`m${String(MESSAGES - 1).padStart(15, '0')}`);
}

describe.each<BrowserName>(['chromium', 'firefox'])('a flood of 1,000,000 messages (%s)', (name) => {
  // Without puppeteer's network monitoring, which would report each of the million frames over CDP.
  const fixture = useBrowserWithServer(name, { networkEvents: false });

  beforeAll(async () => {
    fixture.server.page('/flood-a.html', floodPage(`${fixture.server.wsOrigin}/ws/flood?count=${MESSAGES}`));
    fixture.server.page('/flood-b.html', floodPage(`${fixture.server.wsOrigin}/ws/flood?count=${MESSAGES}`));
  });

  it('DevTools closed: the page gets every message; the panel opened after holds the cap, reports the rest as dropped and shows it', { timeout: FLOOD_TIMEOUT + 60_000 }, async () => {
    const url = `${fixture.server.origin}/flood-a.html`;
    const page = await fixture.launched.browser.newPage();
    await page.goto(url);
    const before = name === 'chromium' ? await usedHeapMiB(page) : 0;
    expectEveryMessage(await flood(page));
    if (name === 'chromium') {
      // The renderer's isolate: the page's world and the relay's isolated world (its buffer).
      const growth = (await usedHeapMiB(page)) - before;
      expect(growth, `heap growth ${growth.toFixed(1)} MiB`).toBeLessThanOrEqual(HEAP_BOUND_MIB);
    }

    const panel = await openPanelTab(fixture.launched, page);
    const count = await waitForAccounting(panel, url);
    expect(count.rejected).toBe(0);
    expect(count.held).toBe(CAP);
    expect(count.held + count.overflow + count.rejected).toBe(EMITTED);
    // The status bar says how many records never reached the panel.
    await panel.bringToFront();
    const shown = await panel.waitForFunction(
      (u) => [...document.querySelectorAll('[data-testid="dropped"]')].find((n) => n.getAttribute('title') === u)?.textContent ?? '',
      { polling: 100, timeout: 20_000 },
      url,
    );
    const text = (await shown.jsonValue()) as string;
    expect(Number(/([\d,]+) records never reached this panel/.exec(text)?.[1]?.replace(/,/g, ''))).toBe(count.overflow);
    await panel.close();
    await page.close();
  });

  it('panel attached for the whole flood: the page gets every message and nothing is dropped', { timeout: FLOOD_TIMEOUT + 60_000 }, async () => {
    const url = `${fixture.server.origin}/flood-b.html`;
    const page = await fixture.launched.browser.newPage();
    await page.goto(url);
    const panel = await openPanelTab(fixture.launched, page);
    await page.bringToFront();
    expectEveryMessage(await flood(page));
    const count = await waitForAccounting(panel, url);
    expect(count.received).toBe(MESSAGES);
    expect(count.rejected).toBe(0);
    expect({ held: count.held, overflow: count.overflow }).toEqual({ held: EMITTED, overflow: 0 });
    await panel.close();
    await page.close();
  });
});
