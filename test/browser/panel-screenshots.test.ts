// Screenshots of the real panel (as a tab over a real inspected page) in
// light and dark, English and Japanese, saved to .tmp/screenshots/ for a
// person to look at; each one also asserts what the panel must show.

import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenarioServer, type ScenarioServer } from '../server/scenario-server';
import { launchChromium, type LaunchedBrowser } from './support/browsers';
import { openPanelTab, waitForConnections } from './support/panel';

const OUT = resolve('.tmp/screenshots');
const VIEWPORT = { width: 1280, height: 800 };

/** One page, several sockets: 1007 after lone-surrogate sends, a 1008 rate limit, graphql-ws 4401, a browser-failed 1006. */
function playground(ws: string): string {
  return `<!doctype html><meta charset="utf-8"><title>playground</title><script>
  const open = (path, protocols, onOpen) => {
    const s = new WebSocket(${JSON.stringify(ws)} + path, protocols);
    s.binaryType = 'arraybuffer';
    s.onopen = () => onOpen(s);
    return s;
  };
  open('/ws/utf8check', [], (s) => {
    s.send(JSON.stringify({ type: 'hello', user: 'ana' }));
    s.send(new Uint8Array([1, 2, 3, 250]).buffer);
    setTimeout(() => s.send('{"type":"chat","text":"caf\\uD83D"}'), 60);
  });
  open('/ws/rate-limit?max=3', [], (s) => { for (let i = 0; i < 8; i++) s.send(JSON.stringify({ type: 'move', i })); });
  open('/ws/graphql-ws', ['graphql-transport-ws'], (s) => s.send(JSON.stringify({ type: 'subscribe', id: '1', payload: { query: '{ me }' } })));
  setTimeout(() => open('/ws/raw/bad-utf8-text', [], () => {}), 150);
  </script><body>playground</body>`;
}

describe('panel screenshots (Chromium)', () => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser;
  let inspected: Page;
  let panel: Page;
  let tabId = '';

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    server = await startScenarioServer();
    launched = await launchChromium();
    server.page('/playground.html', playground(server.wsOrigin));
    inspected = await launched.browser.newPage();
    await inspected.goto(`${server.origin}/playground.html`);
    panel = await openPanelTab(launched, inspected);
    tabId = new URL(panel.url()).searchParams.get('tabId')!;
    await waitForConnections(panel, (cs) => cs.length === 4 && cs.every((c) => c.state === 'closed'));
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  async function load(theme: 'light' | 'dark', locale: 'en' | 'ja'): Promise<void> {
    await panel.evaluate((value) => {
      const g = globalThis as unknown as Record<string, any>;
      return (g.browser ?? g.chrome).storage.local.set({ uiSettings: value });
    }, { locale, preserveLog: true });
    // A background tab gets no input events or animation frames: clicks would hang.
    await panel.bringToFront();
    await panel.setViewport(VIEWPORT);
    await panel.goto(`${launched.extensionOrigin}/panel.html?tabId=${tabId}&theme=${theme}`);
    await panel.waitForFunction(() => document.querySelectorAll('[data-testid="connection-row"] [data-testid="close-code"]').length === 4, { polling: 50, timeout: 20_000 });
    await panel.waitForFunction((l) => document.documentElement.lang === l, { polling: 50 }, locale);
  }

  async function openConnection(code: number): Promise<void> {
    const rows = await panel.$$('[data-testid="connection-row"]');
    for (const row of rows) {
      if ((await row.$eval('[data-testid="close-code"]', (el) => el.textContent)) === String(code)) {
        await row.click();
        await panel.waitForSelector('[data-testid="close-card"]');
        return;
      }
    }
    throw new Error(`no connection closed with ${code}`);
  }

  const shot = (name: string) => panel.screenshot({ path: join(OUT, `${name}.png`) });

  it.each([
    ['light', 'en'],
    ['dark', 'en'],
    ['light', 'ja'],
    ['dark', 'ja'],
  ] as const)('close card of the 1007, %s %s', async (theme, locale) => {
    await load(theme, locale);
    expect(await panel.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    await openConnection(1007);
    expect(await panel.$eval('[data-testid="card-close-code"]', (el) => el.textContent)).toBe('1007');
    const causes = await panel.$$eval('[data-testid="cause"]', (els) => els.map((e) => e.getAttribute('data-cause-id')));
    expect(causes[0]).toBe('1007-lone-surrogate-sends');
    if (locale === 'ja') expect(await panel.$eval('.view-tabs', (el) => el.textContent)).toContain('リファレンス');
    await shot(`close-1007-${theme}-${locale}`);
  });

  it('evidence link → frames, the 1008, the 1006 and 4401 cards, warnings, reference (light, en)', async () => {
    await load('light', 'en');
    expect(await panel.$$eval('[data-testid="connection-row"] [data-testid="close-reason"]', (els) => els.map((e) => e.textContent))).toContain('rate limit exceeded');
    await shot('connections-light-en');
    await panel.click('[data-testid="settings-button"]');
    await panel.waitForSelector('[data-testid="settings-popover"]');
    await shot('settings-light-en');
    await panel.keyboard.press('Escape');
    await openConnection(1007);
    await panel.click('[data-testid="cause"] [data-testid="evidence"]');
    const selected = await panel.waitForSelector('[data-testid="frame-row"][aria-selected="true"]');
    expect(await selected!.evaluate((el) => el.className)).not.toContain('control');
    expect(await panel.$eval('[data-testid="frame-detail"]', (el) => el.textContent)).toContain('Lone surrogate');
    await shot('frames-evidence-light-en');

    for (const code of [1008, 1006, 4401]) {
      await openConnection(code);
      await panel.click('[data-testid="tab-close"]');
      expect(await panel.$eval('[data-testid="card-close-code"]', (el) => el.textContent)).toBe(String(code));
      expect((await panel.$$('[data-testid="cause"]')).length).toBeGreaterThan(0);
      await shot(`close-${code}-light-en`);
    }

    await panel.click('[data-testid="view-warnings"]');
    expect((await panel.$$('[data-testid="warning"]')).length).toBeGreaterThan(0);
    await shot('warnings-light-en');

    await panel.click('[data-testid="view-reference"]');
    expect(await panel.$eval('[data-testid="comparison"]', (el) => el.textContent)).toContain('1008');
    await shot('reference-light-en');
  });

  it('frames list and reference in dark Japanese', async () => {
    await load('dark', 'ja');
    await openConnection(1008);
    await panel.click('[data-testid="tab-frames"]');
    expect((await panel.$$('[data-testid="frame-row"]')).length).toBeGreaterThan(5);
    await panel.click('[data-testid="frame-row"]:nth-child(4)');
    await shot('frames-dark-ja');
    await panel.click('[data-testid="view-reference"]');
    await panel.type('[data-testid="reference-search"]', '4401');
    await panel.click('[data-testid="reference-entry"]');
    expect(await panel.$eval('[data-testid="reference-detail"]', (el) => el.textContent)).toContain('graphql-ws');
    await shot('reference-4401-dark-ja');
  });
});
