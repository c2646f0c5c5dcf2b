// Binary frames of every kind in both directions (Blob previews are read
// asynchronously), and navigation markers across loads and reloads.

import { describe, expect, it } from 'vitest';
import type { BrowserName } from './support/browsers';
import { useBrowserWithServer } from './support/fixture';
import { openPanelTab, waitForConnections } from './support/panel';

describe.each<BrowserName>(['chromium', 'firefox'])('binary frames and navigations in %s', (browserName) => {
  const env = useBrowserWithServer(browserName);

  it('records every binary kind with exact sizes and hex previews', async () => {
    const wsUrl = `${env.server.wsOrigin}/ws/echo?binary=1`;
    env.server.page(
      '/binary.html',
      `<!doctype html><script>
        const ws = new WebSocket(${JSON.stringify(wsUrl)});
        let echoed = 0;
        ws.onopen = () => {
          ws.send(new Uint8Array([1, 2, 3, 255]).buffer);
          ws.send(new Uint8Array([9, 8, 7, 6, 5]).subarray(1, 3));
          ws.send(new DataView(new Uint8Array([0xca, 0xfe, 0xba, 0xbe]).buffer, 2, 2));
          ws.send(new Blob([new Uint8Array([0xde, 0xad])]));
        };
        ws.onmessage = () => {
          echoed++;
          if (echoed === 2) ws.binaryType = 'arraybuffer';
          if (echoed === 4) ws.close(1000, 'binary done');
        };
        ws.onclose = () => { window.__closed = true; };
      </script>`,
    );
    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/binary.html`);
    await page.waitForFunction(() => (window as unknown as { __closed?: boolean }).__closed, { polling: 50, timeout: 30_000 });
    const panel = await openPanelTab(env.launched, page);
    await waitForConnections(panel, (cs) => cs[0]?.state === 'closed' && cs[0].received.frames === 4);
    const frames = await panel.evaluate(() => {
      const store = (globalThis as unknown as { __wsciPanel: { store: { getState(): { connections: any[] } } } }).__wsciPanel.store;
      return store.getState().connections[0].timeline
        .filter((r: any) => r.type === 'sent' || r.type === 'received')
        .map((r: any) => `${r.type} ${r.kind} ${r.size} ${r.preview}`);
    });
    const sent = frames.filter((f: string) => f.startsWith('sent'));
    const received = frames.filter((f: string) => f.startsWith('received'));
    expect(sent).toEqual(['sent arraybuffer 4 010203ff', 'sent view 2 0807', 'sent view 2 babe', 'sent blob 2 dead']);
    // binaryType was 'blob' for the first two echoes (read asynchronously), then 'arraybuffer'.
    expect(received).toEqual(['received blob 4 010203ff', 'received blob 2 0807', 'received arraybuffer 2 babe', 'received arraybuffer 2 dead']);
  });

  it('marks each new top document, across navigations and reloads', async () => {
    for (const name of ['one', 'two']) {
      env.server.page(`/${name}.html`, `<!doctype html><script>new WebSocket(${JSON.stringify(`${env.server.wsOrigin}/ws/close?code=4000&page=${name}`)});</script>`);
    }
    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/one.html`);
    const panel = await openPanelTab(env.launched, page);
    await waitForConnections(panel, (cs) => cs.length === 1);
    await page.goto(`${env.server.origin}/two.html`);
    await waitForConnections(panel, (cs) => cs.length === 2);
    await page.reload();
    await waitForConnections(panel, (cs) => cs.length === 3 && cs.every((c) => c.state === 'closed'));
    const markers = await panel.evaluate(() => {
      const store = (globalThis as unknown as { __wsciPanel: { store: { getState(): { markers: Array<{ url: string }> } } } }).__wsciPanel.store;
      return store.getState().markers.map((m) => new URL(m.url).pathname);
    });
    expect(markers).toEqual(['/one.html', '/two.html', '/two.html']);
  });
});
