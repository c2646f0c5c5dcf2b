// Opens the panel page as an ordinary tab (`panel.html?tabId=N`) for an
// inspected page and reads what reached its store.

import type { Frame, Page } from 'puppeteer-core';
import type { LaunchedBrowser } from './browsers';

export interface PanelConnection {
  url: string;
  state: string;
  frameUrl: string;
  isTop: boolean;
  protocol: string;
  close: { code: number; reason: string; wasClean: boolean } | null;
  closeRequests: Array<{ code: number | null; thrown: string | null; predicted: string | null; reasonBytes: number; stack: string }>;
  timeline: string[];
  seqs: number[];
  /** Each timeline record's time (ms since the epoch). */
  times: number[];
  findings: string[];
  sent: { frames: number; bytes: number };
  received: { frames: number; bytes: number };
}

/**
 * The browser's tab id of `inspected`, asked from an extension page. Chrome
 * hides tab URLs from an extension without the `tabs` permission (we do not
 * ask for it), so the inspected page is brought to the front and found as the
 * active tab.
 */
async function tabIdOf(extensionPage: Page, inspected: Page): Promise<number> {
  await inspected.bringToFront();
  return extensionPage.evaluate(async (wanted) => {
    const g = globalThis as unknown as Record<string, any>;
    const api = g.browser ?? g.chrome;
    const tabs: Array<{ id?: number; url?: string; active?: boolean }> = await api.tabs.query({});
    const byUrl = tabs.filter((t) => t.url === wanted);
    const candidates = byUrl.length > 0 ? byUrl : tabs.filter((t) => t.active && !t.url);
    if (candidates.length !== 1 || !candidates[0]!.id) {
      throw new Error(`cannot tell the tab of ${wanted}; saw ${JSON.stringify(tabs)}`);
    }
    return candidates[0]!.id;
  }, inspected.url());
}

async function gotoLoose(launched: LaunchedBrowser, page: Page, url: string): Promise<void> {
  // Firefox never reports the load of an extension page over BiDi although the
  // page loads (TESTING.md): give goto a short leash there, then wait for the page itself.
  const timeout = launched.name === 'firefox' ? 2_000 : 30_000;
  await page.goto(url, { timeout }).catch((error: unknown) => {
    if (launched.name !== 'firefox') throw error;
  });
  await page.waitForFunction(
    (wanted) => location.href === wanted && document.readyState === 'complete',
    { polling: 50, timeout: 30_000 },
    url,
  );
}

export async function openPanelTab(launched: LaunchedBrowser, inspected: Page): Promise<Page> {
  const panel = await launched.browser.newPage();
  await gotoLoose(launched, panel, `${launched.extensionOrigin}/panel.html`);
  const tabId = await tabIdOf(panel, inspected);
  await gotoLoose(launched, panel, `${launched.extensionOrigin}/panel.html?tabId=${tabId}`);
  await panel.waitForFunction(() => '__wsciPanel' in globalThis, { polling: 50, timeout: 30_000 });
  return panel;
}

export function readConnections(panel: Page | Frame): Promise<PanelConnection[]> {
  return panel.evaluate(() => {
    const handle = (globalThis as unknown as { __wsciPanel: { store: { getState(): { connections: unknown[] } } } }).__wsciPanel;
    return handle.store.getState().connections.map((raw) => {
      const c = raw as Record<string, any>;
      return {
        url: c.url,
        state: c.state,
        frameUrl: c.source.frameUrl,
        isTop: c.source.isTop,
        protocol: c.protocol,
        close: c.close ? { code: c.close.code, reason: c.close.reason, wasClean: c.close.wasClean } : null,
        closeRequests: c.closeRequests.map((r: any) => ({
          code: r.code,
          thrown: r.verdict.thrown,
          predicted: r.verdict.predicted,
          reasonBytes: r.reasonBytes,
          stack: r.stack,
        })),
        timeline: c.timeline.map((r: any) => r.type),
        seqs: c.timeline.map((r: any) => r.seq),
        times: c.timeline.map((r: any) => r.time),
        findings: c.findings.map((f: any) => f.kind),
        sent: c.sent,
        received: c.received,
      };
    });
  }) as Promise<PanelConnection[]>;
}

/** Polls the panel's store until `predicate` holds (a condition, not a sleep). */
export async function waitForConnections(
  panel: Page | Frame,
  predicate: (connections: PanelConnection[]) => boolean,
  timeoutMs = 20_000,
): Promise<PanelConnection[]> {
  const deadline = Date.now() + timeoutMs;
  let last: PanelConnection[] = [];
  while (Date.now() < deadline) {
    last = await readConnections(panel);
    if (predicate(last)) return last;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`panel never reached the expected state; last: ${JSON.stringify(last, null, 1).slice(0, 3000)}`);
}

export interface PanelDocument {
  frameUrl: string;
  isTop: boolean;
  lastSeq: number;
  dropped: { overflow: number; rejected: number };
}

export function readDocuments(panel: Page): Promise<PanelDocument[]> {
  return panel.evaluate(() => {
    const handle = (globalThis as unknown as { __wsciPanel: { store: { getState(): { documents: Map<string, any> } } } }).__wsciPanel;
    return [...handle.store.getState().documents.values()].map((d) => ({
      frameUrl: d.source.frameUrl,
      isTop: d.source.isTop,
      lastSeq: d.lastSeq,
      dropped: d.dropped,
    }));
  });
}
