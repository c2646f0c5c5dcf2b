// Drives the real DevTools window of headless Chromium (TESTING.md): finds the
// DevTools front end of an inspected page, shows our panel there, and returns
// the panel's frame. This relies on DevTools internals, so only a smoke test,
// the DevTools close/reopen fault test and the demo use it; everything else
// opens the panel page as a tab.

import type { Frame, Page } from 'puppeteer-core';
import type { LaunchedBrowser } from './browsers';

const PANEL_TITLE_ID = 'WebSocketClose';

export interface DevToolsPanel {
  /** The DevTools front end: screenshots of it show what a person sees. */
  devtools: Page;
  panel: Frame;
}

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

/**
 * Needs a browser launched with `launchChromium({ devtools: true })`. `dock`
 * moves DevTools (the demo docks it at the bottom so the panel gets the full width).
 */
export async function openDevToolsPanel(launched: LaunchedBrowser, dock?: 'bottom' | 'right' | 'undocked'): Promise<DevToolsPanel> {
  const target = await launched.browser.waitForTarget((t) => t.url().startsWith('devtools://devtools/bundled/devtools_app.html'), {
    timeout: 30_000,
  });
  return showOurPanel(launched, await target.asPage(), dock);
}

/**
 * Opens DevTools for `inspected` (puppeteer's `openDevTools`, CDP
 * `Target.openDevTools`: no `--auto-open-devtools-for-tabs` needed) and shows
 * our panel in it; for tests that close and reopen the real DevTools.
 */
export async function openDevToolsFor(launched: LaunchedBrowser, inspected: Page): Promise<DevToolsPanel> {
  return showOurPanel(launched, await inspected.openDevTools());
}

/** Closes the DevTools window and waits until its target (and so our panel) is gone. */
export async function closeDevTools(launched: LaunchedBrowser, open: DevToolsPanel): Promise<void> {
  const target = open.devtools.target();
  await open.devtools.close();
  await poll('DevTools to close', async () => (launched.browser.targets().includes(target) ? undefined : true));
}

async function showOurPanel(launched: LaunchedBrowser, devtools: Page, dock?: 'bottom' | 'right' | 'undocked'): Promise<DevToolsPanel> {
  const panelId = `${launched.extensionOrigin}${PANEL_TITLE_ID}`;
  // Evaluated as a string: the DevTools module path must reach the browser untouched.
  await poll('our DevTools panel to register', async () => {
    const ids = (await devtools.evaluate(
      `import('./ui/legacy/legacy.js').then((UI) => UI.InspectorView.InspectorView.instance().tabbedPane.tabIds())`,
    )) as string[];
    return ids.includes(panelId) ? true : undefined;
  });
  if (dock) {
    await devtools.evaluate(
      `import('./ui/legacy/legacy.js').then((UI) => UI.DockController.DockController.instance().setDockSide(${JSON.stringify(dock)}))`,
    );
  }
  await devtools.evaluate(
    `import('./ui/legacy/legacy.js').then((UI) => UI.InspectorView.InspectorView.instance().showPanel(${JSON.stringify(panelId)}))`,
  );
  const panel = await poll('the panel frame to load', async () =>
    devtools.frames().find((f) => f.url().startsWith(`${launched.extensionOrigin}/panel.html`)),
  );
  await panel.waitForFunction(() => '__wsciPanel' in globalThis, { polling: 50, timeout: 30_000 });
  return { devtools, panel };
}
