// While no panel inspects a tab, the hook holds what it notes and hands the
// relay nothing: a page with DevTools closed pays for a record's note, not
// for its JSON. A panel attaching gets what the history would hold (its
// capacity, frames shed first) and the rest counted as dropped.

import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPTURE_SETTINGS } from '../../src/protocol/settings';
import type { BrowserName } from './support/browsers';
import { useBrowserWithServer } from './support/fixture';
import { openPanelTab, readDocuments, waitForConnections } from './support/panel';

/** Past the 65,536 waiting records at which a hook streaming to a panel writes them when the page's task ends. */
const SENDS = 70_000;
const CAP = DEFAULT_CAPTURE_SETTINGS.bufferRecords;

describe.each<BrowserName>(['chromium', 'firefox'])('records held without a panel in %s', (browserName) => {
  const env = useBrowserWithServer(browserName);

  it('hands the relay nothing until a panel attaches, then the newest records up to the cap', async () => {
    const wsUrl = `${env.server.wsOrigin}/ws/echo?hold=1`;
    env.server.page(
      '/hold.html',
      `<!doctype html><script>
        window.__events = 0;
        window.addEventListener('wsci:page-to-relay:v1', () => { window.__events++; });
        const ws = new WebSocket(${JSON.stringify(wsUrl)});
        let echoed = 0;
        ws.onopen = () => {
          for (let i = 0; i < ${SENDS}; i++) ws.send('m' + i);
          // The next task: a hook streaming to a panel would have handed over its batches by now.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => { window.__afterLoop = window.__events; };
          channel.port2.postMessage(0);
        };
        ws.onmessage = () => { if (++echoed === ${SENDS}) window.__echoed = window.__events; };
      </script>`,
    );
    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/hold.html`);
    await page.waitForFunction(() => (window as unknown as { __echoed?: number }).__echoed !== undefined, { polling: 50, timeout: 60_000 });
    const seen = await page.evaluate(() => {
      const w = window as unknown as { __afterLoop: number; __echoed: number };
      return { afterLoop: w.__afterLoop, echoed: w.__echoed };
    });
    expect(seen).toEqual({ afterLoop: 0, echoed: 0 });

    const panel = await openPanelTab(env.launched, page);
    const [connection] = await waitForConnections(panel, (cs) => cs[0]?.timeline.length === CAP, 60_000);
    expect(connection!.state).toBe('open');
    expect(connection!.timeline.slice(0, 2)).toEqual(['created', 'open']);
    expect(connection!.timeline.at(-1)).toBe('received');
    const [doc] = (await readDocuments(panel)).filter((d) => d.frameUrl.endsWith('/hold.html'));
    expect(doc!.dropped.overflow).toBe(2 + 2 * SENDS - CAP);
    expect(await page.evaluate(() => (window as unknown as { __events: number }).__events)).toBeGreaterThan(0);
  });
});
