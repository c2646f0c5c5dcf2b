// Reads a panel's whole history (per connection: which document it came
// from, every received payload preview in order, the record seqs) and drives
// the "preserve log" checkbox, for tests that fault the panel's environment
// (reopened panels, reloads, navigations) and compare with what pages saw.

import type { Frame, Page } from 'puppeteer-core';

type Surface = Page | Frame;

export interface HistoryConnection {
  key: string;
  docId: string;
  url: string;
  frameUrl: string;
  isTop: boolean;
  state: string;
  /** Record types of the timeline, in order. */
  types: string[];
  seqs: number[];
  /** Previews of every received frame, in order. */
  received: string[];
}

export interface PanelHistory {
  connections: HistoryConnection[];
  documents: Array<{ docId: string; frameUrl: string; isTop: boolean; lastSeq: number }>;
  /** Navigation markers' URLs, in order. */
  markers: string[];
  preserveLog: boolean;
}

export function readHistory(panel: Surface): Promise<PanelHistory> {
  return panel.evaluate(() => {
    const handle = (globalThis as unknown as { __wsciPanel: { store: { getState(): any } } }).__wsciPanel;
    const state = handle.store.getState();
    return {
      connections: state.connections.map((c: any) => ({
        key: c.key,
        docId: c.source.docId,
        url: c.url,
        frameUrl: c.source.frameUrl,
        isTop: c.source.isTop,
        state: c.state,
        types: c.timeline.map((r: any) => r.type),
        seqs: c.timeline.map((r: any) => r.seq),
        received: c.timeline.filter((r: any) => r.type === 'received').map((r: any) => r.preview),
      })),
      documents: [...state.documents.values()].map((d: any) => ({
        docId: d.source.docId,
        frameUrl: d.source.frameUrl,
        isTop: d.source.isTop,
        lastSeq: d.lastSeq,
      })),
      markers: state.markers.map((m: any) => m.url),
      preserveLog: state.preserveLog,
    };
  }) as Promise<PanelHistory>;
}

/** Polls the panel's history until `predicate` holds (a condition, not a sleep). */
export async function waitForHistory(
  panel: Surface,
  predicate: (history: PanelHistory) => boolean,
  timeoutMs = 30_000,
): Promise<PanelHistory> {
  const deadline = Date.now() + timeoutMs;
  let last: PanelHistory | null = null;
  while (Date.now() < deadline) {
    last = await readHistory(panel);
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  const shown = last && { ...last, connections: last.connections.map((c) => ({ ...c, received: `${c.received.length} frames`, types: c.types.length, seqs: c.seqs.length })) };
  throw new Error(`panel history never reached the expected state; last: ${JSON.stringify(shown, null, 1).slice(0, 4000)}`);
}

/**
 * Sets "preserve log" as a person would: clicks the toolbar checkbox (a DOM
 * click, which needs no focus, so a background tab works), then waits until
 * the store follows. First it lets the panel's own settings load land, or
 * that load could overwrite the click.
 */
export async function setPreserveLog(panel: Surface, on: boolean): Promise<void> {
  const loaded = await panel.evaluate(async () => {
    const handle = (globalThis as unknown as { __wsciPanel: { env: { settingsStorage: { load(): Promise<{ ui: { preserveLog: boolean } }> } } } }).__wsciPanel;
    return (await handle.env.settingsStorage.load()).ui.preserveLog;
  });
  const checkbox = '[data-testid="preserve-log"]';
  await panel.waitForFunction(
    (selector, value) => (document.querySelector(selector) as HTMLInputElement | null)?.checked === value,
    { polling: 50, timeout: 20_000 },
    checkbox,
    loaded,
  );
  if (loaded !== on) await panel.$eval(checkbox, (el) => (el as HTMLInputElement).click());
  await panel.waitForFunction(
    (selector, value) => {
      const store = (globalThis as unknown as { __wsciPanel: { store: { getState(): { preserveLog: boolean } } } }).__wsciPanel.store;
      return (document.querySelector(selector) as HTMLInputElement | null)?.checked === value && store.getState().preserveLog === value;
    },
    { polling: 50, timeout: 20_000 },
    checkbox,
    on,
  );
}

/** `tick 1` … `tick n`: what the scenario server's `stream` sends. */
export function ticks(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `tick ${i + 1}`);
}
