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

  it('keeps each held binary frame\'s own bytes through shedding, as they were when sent and received', async () => {
    // Binary heads wait in a byte pool; shedding moves the kept ones. Frames of
    // 4–10 bytes (ArrayBuffers and views) start with their index, among text
    // frames; the page overwrites every buffer right after send() and in its
    // listener: the records must show the bytes as they were.
    const frames = 2 * CAP + 500;
    const wsUrl = `${env.server.wsOrigin}/ws/echo?hold-binary=1`;
    env.server.page(
      '/hold-binary.html',
      `<!doctype html><script>
        const ws = new WebSocket(${JSON.stringify(wsUrl)});
        ws.binaryType = 'arraybuffer';
        let echoed = 0;
        const pattern = (i) => { const size = 4 + (i % 7); const bytes = new Uint8Array(size);
          bytes[0] = i >>> 24; bytes[1] = (i >>> 16) & 255; bytes[2] = (i >>> 8) & 255; bytes[3] = i & 255;
          for (let k = 4; k < size; k++) bytes[k] = (i * k) & 255; return bytes; };
        let sent = 0;
        const sendNext = () => {
          const i = sent++;
          if (i % 3 === 2) { ws.send('text ' + i); return; }
          const bytes = pattern(i);
          if (i % 5 === 0) { const outer = new Uint8Array(bytes.length + 2); outer.set(bytes, 2); ws.send(outer.subarray(2)); outer.fill(0xee); }
          else { ws.send(bytes.buffer); bytes.fill(0xee); }
        };
        // 16 in flight, so sent and received records interleave.
        ws.onopen = () => { while (sent < 16) sendNext(); };
        ws.onmessage = (e) => {
          if (typeof e.data !== 'string') new Uint8Array(e.data).fill(0xdd);
          if (sent < ${frames}) sendNext();
          if (++echoed === ${frames}) window.__echoed = true;
        };
      </script>`,
    );
    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/hold-binary.html`);
    await page.waitForFunction(() => (window as unknown as { __echoed?: boolean }).__echoed, { polling: 50, timeout: 60_000 });
    const panel = await openPanelTab(env.launched, page);
    await waitForConnections(panel, (cs) => cs[0]?.timeline.length === CAP, 60_000);
    const binary: Array<{ type: string; kind: string; size: number; preview: string }> = await panel.evaluate(() => {
      const store = (globalThis as unknown as { __wsciPanel: { store: { getState(): { connections: any[] } } } }).__wsciPanel.store;
      return store.getState().connections[0].timeline
        .filter((r: any) => (r.type === 'sent' || r.type === 'received') && r.kind !== 'text')
        .map((r: any) => ({ type: r.type, kind: r.kind, size: r.size, preview: r.preview }));
    });
    const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join('');
    const expected = (i: number) => {
      const size = 4 + (i % 7);
      const bytes = [i >>> 24, (i >>> 16) & 255, (i >>> 8) & 255, i & 255];
      for (let k = 4; k < size; k++) bytes.push((i * k) & 255);
      return hex(bytes);
    };
    // Two thirds of the kept frames are binary.
    expect(binary.length).toBeGreaterThan(CAP / 2);
    const indexes = binary.map((r) => parseInt(r.preview.slice(0, 8), 16));
    for (let j = 0; j < binary.length; j++) {
      const i = indexes[j]!;
      expect(binary[j]).toEqual({
        type: binary[j]!.type,
        kind: binary[j]!.type === 'sent' && i % 5 === 0 ? 'view' : 'arraybuffer',
        size: 4 + (i % 7),
        preview: expected(i),
      });
    }
    // The newest frames were kept, in order, both ways.
    const lastBinary = (frames - 1) % 3 === 2 ? frames - 2 : frames - 1;
    for (const type of ['sent', 'received']) {
      const kept = binary.filter((r) => r.type === type).map((r) => parseInt(r.preview.slice(0, 8), 16));
      expect(kept.length).toBeGreaterThan(CAP / 4);
      expect(kept).toEqual([...kept].sort((a, b) => a - b));
      expect(kept.at(-1)).toBe(lastBinary);
    }
  });
});
