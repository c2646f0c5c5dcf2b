// Capture settings from storage.local reach every relay and hook: the preview
// size caps payload previews, and a small history buffer sheds the oldest
// frames first, keeps every lifecycle record, and counts each drop exactly.

import { describe, expect, it } from 'vitest';
import { CAPTURE_SETTINGS_KEY } from '../../src/protocol/settings';
import type { BrowserName } from './support/browsers';
import { useBrowserWithServer } from './support/fixture';
import { openPanelTab, readDocuments, waitForConnections } from './support/panel';

const MESSAGES = 300;
const BUFFER = 100;
const PREVIEW = 16;

describe.each<BrowserName>(['chromium', 'firefox'])('capture settings in %s', (browserName) => {
  const env = useBrowserWithServer(browserName);

  it('caps previews and sheds frames before lifecycle records, counting every drop', async () => {
    env.server.page('/blank.html', '<!doctype html><title>blank</title>');
    const setup = await env.launched.browser.newPage();
    await setup.goto(`${env.server.origin}/blank.html`);
    const settingsPanel = await openPanelTab(env.launched, setup);
    await settingsPanel.evaluate(
      (key, value) => {
        const g = globalThis as unknown as Record<string, any>;
        return (g.browser ?? g.chrome).storage.local.set({ [key]: value });
      },
      CAPTURE_SETTINGS_KEY,
      { previewChars: PREVIEW, bufferRecords: BUFFER },
    );

    const wsUrl = `${env.server.wsOrigin}/ws/echo?settings=1`;
    env.server.page(
      '/many.html',
      `<!doctype html><script>
        const ws = new WebSocket(${JSON.stringify(wsUrl)});
        let echoed = 0;
        ws.onopen = () => { for (let i = 0; i < ${MESSAGES}; i++) ws.send('message number ' + String(i).padStart(4, '0') + ' with a long tail'); };
        ws.onmessage = () => { if (++echoed === ${MESSAGES}) ws.close(1000, 'done'); };
        ws.onclose = () => { window.__closed = true; };
      </script>`,
    );
    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/many.html`);
    await page.waitForFunction(() => (window as unknown as { __closed?: boolean }).__closed, { polling: 50, timeout: 30_000 });

    const panel = await openPanelTab(env.launched, page);
    const [connection] = await waitForConnections(panel, (cs) => cs[0]?.state === 'closed');
    const total = 2 + 2 * MESSAGES + 2; // created, open, frames, close-requested, closed
    expect(connection!.timeline).toHaveLength(BUFFER);
    expect(connection!.timeline.slice(0, 2)).toEqual(['created', 'open']);
    expect(connection!.timeline.slice(-2)).toEqual(['close-requested', 'closed']);
    const [doc] = (await readDocuments(panel)).filter((d) => d.frameUrl.endsWith('/many.html'));
    expect(doc!.dropped.overflow).toBe(total - BUFFER);

    const previews = await panel.evaluate(() => {
      const store = (globalThis as unknown as { __wsciPanel: { store: { getState(): { connections: any[] } } } }).__wsciPanel.store;
      return store.getState().connections[0].timeline.filter((r: any) => r.type === 'sent' || r.type === 'received').map((r: any) => [r.preview, r.truncated, r.size]);
    });
    expect(previews.length).toBeGreaterThan(0);
    for (const [preview, truncated, size] of previews) {
      expect(preview).toHaveLength(PREVIEW);
      expect(truncated).toBe(true);
      expect(size).toBe(36);
    }
    const shown = await panel.waitForSelector('[data-testid="dropped"]');
    expect(await shown!.evaluate((el) => el.textContent)).toContain(String(total - BUFFER));
  });
});
