// The background: a service worker in Chrome, an event page in Firefox. It
// routes per tab between the tab's relays and the panels inspecting it, and
// holds no business logic. It may be stopped at any time: panels reconnect
// with their cursors and relays replay from there, so nothing is lost.

import browser, { type Runtime } from '../platform/browser-api';
import { PANEL_PORT_NAME, RELAY_PORT_NAME, type PanelToBackgroundMap } from '../protocol/envelope';

/** How often an attached tab's frames are asked to stream (catches new frames). */
const PROBE_INTERVAL_MS = 500;

interface TabSession {
  panels: Set<Runtime.Port>;
  relays: Set<Runtime.Port>;
  cursors: Record<string, number>;
  timer: ReturnType<typeof setInterval>;
}

const sessions = new Map<number, TabSession>();

function askRelaysToStream(tabId: number, session: TabSession): void {
  browser.tabs.sendMessage(tabId, { type: 'replay', cursors: session.cursors }).catch(() => {
    // No relay in this tab (yet): the next probe tries again.
  });
}

function attachPanel(port: Runtime.Port, attach: PanelToBackgroundMap['attach']): void {
  let session = sessions.get(attach.tabId);
  if (!session) {
    const created: TabSession = {
      panels: new Set(),
      relays: new Set(),
      cursors: {},
      timer: setInterval(() => askRelaysToStream(attach.tabId, created), PROBE_INTERVAL_MS),
    };
    session = created;
    sessions.set(attach.tabId, session);
  }
  session.panels.add(port);
  session.cursors = { ...attach.cursors };
  const tabId = attach.tabId;
  port.onDisconnect.addListener(() => {
    const s = sessions.get(tabId);
    if (!s) return;
    s.panels.delete(port);
    if (s.panels.size === 0) {
      clearInterval(s.timer);
      sessions.delete(tabId);
      // DevTools closed: the tab's relays go back to buffering silently.
      for (const relay of s.relays) relay.disconnect();
    }
  });
  askRelaysToStream(tabId, session);
}

function onPanelPort(port: Runtime.Port): void {
  port.onMessage.addListener((message: unknown) => {
    const m = message as { type?: unknown; tabId?: unknown; cursors?: unknown };
    if (m?.type !== 'attach' || typeof m.tabId !== 'number' || typeof m.cursors !== 'object' || m.cursors === null) return;
    attachPanel(port, { tabId: m.tabId, cursors: m.cursors as Record<string, number> });
  });
}

function onRelayPort(port: Runtime.Port): void {
  const tabId = port.sender?.tab?.id;
  const frameId = port.sender?.frameId;
  if (tabId === undefined || !sessions.has(tabId)) {
    // No panel for this tab (e.g. the worker restarted): the relay waits for the next ask.
    port.disconnect();
    return;
  }
  sessions.get(tabId)?.relays.add(port);
  port.onDisconnect.addListener(() => sessions.get(tabId)?.relays.delete(port));
  port.onMessage.addListener((message: unknown) => {
    const session = sessions.get(tabId);
    if (!session) {
      port.disconnect();
      return;
    }
    const m = message as { source?: Record<string, unknown> };
    // The frame id is the browser's word, not the relay's.
    const routed = m?.source ? { ...m, source: { ...m.source, frameId } } : message;
    for (const panel of session.panels) panel.postMessage(routed);
  });
}

// A new document in an attached tab: ask its relays now rather than at the next probe.
browser.tabs.onUpdated.addListener((tabId) => {
  const session = sessions.get(tabId);
  if (session) askRelaysToStream(tabId, session);
});

browser.runtime.onConnect.addListener((port) => {
  if (port.name === PANEL_PORT_NAME) onPanelPort(port);
  else if (port.name === RELAY_PORT_NAME) onRelayPort(port);
});
