// Opens and closes the real DevTools of one inspected page in Chromium (no
// `--auto-open-devtools-for-tabs` needed: puppeteer's `openDevTools` uses CDP
// `Target.openDevTools`), and shows our panel there. Like devtools-panel.ts
// this relies on DevTools internals; only fault tests that need a real
// DevTools close/reopen use it.

import type { Frame, Page } from 'puppeteer-core';
import type { LaunchedBrowser } from './browsers';

const PANEL_TITLE_ID = 'WebSocketClose';

async function poll<T>(what: string, attempt: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await attempt();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error; // the front end is still starting
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not happen in time${lastError ? `: ${String(lastError)}` : ''}`);
}

export interface OpenDevTools {
  devtools: Page;
  panel: Frame;
}

/** Opens DevTools for `inspected` (or finds it open) and shows our panel in it. */
export async function openDevToolsWithPanel(launched: LaunchedBrowser, inspected: Page): Promise<OpenDevTools> {
  const devtools = await inspected.openDevTools();
  const panelId = `${launched.extensionOrigin}${PANEL_TITLE_ID}`;
  // Evaluated as strings: the DevTools module path must reach the browser untouched.
  await poll('our DevTools panel to register', async () => {
    const ids = (await devtools.evaluate(
      `import('./ui/legacy/legacy.js').then((UI) => UI.InspectorView.InspectorView.instance().tabbedPane.tabIds())`,
    )) as string[];
    return ids.includes(panelId) ? true : undefined;
  });
  await devtools.evaluate(
    `import('./ui/legacy/legacy.js').then((UI) => UI.InspectorView.InspectorView.instance().showPanel(${JSON.stringify(panelId)}))`,
  );
  const panel = await poll('the panel frame to load', async () =>
    devtools.frames().find((f) => f.url().startsWith(`${launched.extensionOrigin}/panel.html`)),
  );
  await panel.waitForFunction(() => '__wsciPanel' in globalThis, { polling: 50, timeout: 30_000 });
  return { devtools, panel };
}

/** Closes the DevTools window and waits until its target (and so our panel) is gone. */
export async function closeDevTools(launched: LaunchedBrowser, open: OpenDevTools): Promise<void> {
  const target = open.devtools.target();
  await open.devtools.close();
  await poll('DevTools to close', async () => (launched.browser.targets().includes(target) ? undefined : true));
}
