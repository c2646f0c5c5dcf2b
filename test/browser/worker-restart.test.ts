// Chrome may stop the extension's service worker at any time. With traffic in
// flight, the panel reconnects and resumes from its cursors: no record is lost
// and none is applied twice.

import { describe, expect, it } from 'vitest';
import { useBrowserWithServer } from './support/fixture';
import { openPanelTab, readConnections, waitForConnections } from './support/panel';

const MESSAGES = 400;

describe('service worker restarts in chromium', () => {
  const env = useBrowserWithServer('chromium');

  async function workerTargetId(): Promise<string | undefined> {
    const cdp = await env.launched.browser.target().createCDPSession();
    const { targetInfos } = await cdp.send('Target.getTargets');
    await cdp.detach();
    return targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(env.launched.extensionOrigin))?.targetId;
  }

  /**
   * Stops the extension's service worker the way Chrome does when idle
   * (TESTING.md), then waits until the panel's reconnect has started a new one.
   */
  async function restartWorker(): Promise<void> {
    const before = await workerTargetId();
    expect(before).toBeDefined();
    const isWorker = (t: import('puppeteer-core').Target) =>
      t.type() === 'service_worker' && t.url().startsWith(env.launched.extensionOrigin);
    const oldTarget = env.launched.browser.targets().find(isWorker);
    const cdp = await env.launched.browser.target().createCDPSession();
    await cdp.send('Target.closeTarget', { targetId: before! });
    await cdp.detach();
    await env.launched.browser.waitForTarget(
      (t) => isWorker(t) && t !== oldTarget,
      { timeout: 30_000 },
    );
    restarts++;
  }
  let restarts = 0;

  it('loses and duplicates nothing while the worker is stopped repeatedly', async () => {
    const wsUrl = `${env.server.wsOrigin}/ws/echo?restart=1`;
    env.server.page(
      '/stream.html',
      `<!doctype html><script>
        window.__echoed = 0;
        const ws = new WebSocket(${JSON.stringify(wsUrl)});
        let sent = 0;
        ws.onopen = () => {
          const tick = () => { if (sent < ${MESSAGES}) { ws.send('message ' + sent++); setTimeout(tick, 5); } };
          tick();
        };
        ws.onmessage = () => { if (++window.__echoed === ${MESSAGES}) ws.close(1000, 'all echoed'); };
      </script>`,
    );
    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/stream.html`);
    const panel = await openPanelTab(env.launched, page);

    // Stop the worker three times while frames stream, each time once the panel got more.
    let seen = 0;
    for (let i = 0; i < 3; i++) {
      const connections = await waitForConnections(panel, (cs) => (cs[0]?.timeline.length ?? 0) > seen + 20);
      seen = connections[0]!.timeline.length;
      await restartWorker();
    }

    expect(restarts).toBe(3);
    const [connection] = await waitForConnections(panel, (cs) => cs[0]?.state === 'closed', 60_000);
    expect(await page.evaluate(() => (window as unknown as { __echoed: number }).__echoed)).toBe(MESSAGES);
    expect(connection!.sent.frames).toBe(MESSAGES);
    expect(connection!.received.frames).toBe(MESSAGES);
    expect(connection!.timeline.filter((t) => t === 'sent')).toHaveLength(MESSAGES);
    expect(connection!.timeline.filter((t) => t === 'received')).toHaveLength(MESSAGES);
    const seqs = connection!.seqs;
    expect(new Set(seqs).size).toBe(seqs.length);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    expect(connection!.close).toEqual({ code: 1000, reason: 'all echoed', wasClean: true });
    expect((await readConnections(panel)).length).toBe(1);
  });
});
