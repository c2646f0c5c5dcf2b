// Coverage of frames: sockets opened in same-origin, cross-origin, srcdoc and
// about:blank frames all reach the panel, attributed to their frame.

import { describe, expect, it } from 'vitest';
import type { BrowserName } from './support/browsers';
import { useBrowserWithServer } from './support/fixture';
import { openPanelTab, waitForConnections } from './support/panel';

/** A script that opens `url`, sends one message and closes once it is echoed. */
const openAndClose = (url: string) =>
  `const ws = new WebSocket(${JSON.stringify(url)}); ws.onopen = () => ws.send('hi'); ws.onmessage = () => ws.close(4001, 'frame done');`;

describe.each<BrowserName>(['chromium', 'firefox'])('frames in %s', (browserName) => {
  const env = useBrowserWithServer(browserName);

  it('captures sockets from every kind of frame, attributed to the frame', async () => {
    const ws = (name: string) => `${env.server.wsOrigin}/ws/echo?frame=${name}`;
    const frameHtml = (name: string) => `<!doctype html><script>${openAndClose(ws(name))}</script>`;
    env.server.page('/same.html', frameHtml('same-origin'));
    env.server.page('/cross.html', frameHtml('cross-origin'));
    const srcdoc = frameHtml('srcdoc').replace(/&/g, '&amp;').replace(/"/g, '&quot;');
    env.server.page(
      '/frames.html',
      `<!doctype html><html><head><script>${openAndClose(ws('top'))}</script></head><body>
      <iframe src="/same.html"></iframe>
      <iframe src="${env.server.crossOrigin}/cross.html"></iframe>
      <iframe srcdoc="${srcdoc}"></iframe>
      <iframe id="blank" src="about:blank"></iframe>
      <iframe id="written"></iframe>
      <script>
        const blank = document.getElementById('blank');
        const useBlank = () => { const w = blank.contentWindow; const s = new w.WebSocket(${JSON.stringify(ws('about-blank'))}); s.onopen = () => s.send('hi'); s.onmessage = () => s.close(4001, 'frame done'); };
        const written = document.getElementById('written').contentDocument;
        written.write('<script>' + ${JSON.stringify(openAndClose(ws('document-write')))} + '<\\/script>');
        written.close();
        const initial = document.createElement('iframe');
        document.body.append(initial);
        const early = new initial.contentWindow.WebSocket(${JSON.stringify(ws('initial-about-blank'))});
        early.onopen = () => early.send('hi');
        early.onmessage = () => early.close(4001, 'frame done');
        if (blank.contentDocument && blank.contentDocument.readyState === 'complete') useBlank(); else blank.addEventListener('load', useBlank, { once: true });
      </script></body></html>`,
    );
    const page = await env.launched.browser.newPage();
    await page.goto(`${env.server.origin}/frames.html`);
    const panel = await openPanelTab(env.launched, page);
    const names = ['top', 'same-origin', 'cross-origin', 'srcdoc', 'about-blank', 'document-write', 'initial-about-blank'];
    const connections = await waitForConnections(panel, (cs) =>
      names.every((n) => cs.some((c) => c.url === ws(n) && c.state === 'closed')),
    );
    const byName = (n: string) => connections.find((c) => c.url === ws(n))!;
    for (const n of names) {
      expect(byName(n).close, n).toEqual({ code: 4001, reason: 'frame done', wasClean: true });
      expect(byName(n).timeline, n).toEqual(['created', 'open', 'sent', 'received', 'close-requested', 'closed']);
    }
    expect(byName('top').isTop).toBe(true);
    expect(byName('same-origin')).toMatchObject({ isTop: false, frameUrl: `${env.server.origin}/same.html` });
    expect(byName('cross-origin')).toMatchObject({ isTop: false, frameUrl: `${env.server.crossOrigin}/cross.html` });
    expect(byName('srcdoc')).toMatchObject({ isTop: false, frameUrl: 'about:srcdoc' });
    expect(byName('about-blank').isTop).toBe(false);
  });
});
