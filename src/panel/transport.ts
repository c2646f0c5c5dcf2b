// Connects the panel's store to the background over a runtime port, for one
// inspected tab. On disconnect (the service worker stopped, the extension
// reloaded) it reconnects and resumes from the store's cursors.

import browser from '../platform/browser-api';
import { PANEL_PORT_NAME } from '../protocol/envelope';
import { readRelayRecords, readRestored } from './relay-records';
import type { ConnectionStore } from './store/connection-store';

const RETRY_MS = [50, 100, 250, 500, 1000];

export function connectTransport(tabId: number, store: ConnectionStore): () => void {
  let stopped = false;
  let attempt = 0;
  let port: ReturnType<typeof browser.runtime.connect> | null = null;

  const connect = () => {
    if (stopped) return;
    try {
      port = browser.runtime.connect({ name: PANEL_PORT_NAME });
    } catch {
      retry();
      return;
    }
    port.onMessage.addListener((message: unknown) => {
      attempt = 0;
      const records = readRelayRecords(message);
      if (records) store.applyRecords(records);
      const restored = readRestored(message);
      if (restored) store.applyRestored(restored.source, restored.time);
    });
    port.onDisconnect.addListener(() => {
      port = null;
      retry();
    });
    port.postMessage({ type: 'attach', tabId, cursors: store.cursors() });
  };

  const retry = () => {
    if (stopped) return;
    setTimeout(connect, RETRY_MS[Math.min(attempt++, RETRY_MS.length - 1)]);
  };

  connect();
  return () => {
    stopped = true;
    port?.disconnect();
  };
}

/** The tab to inspect: `?tabId=N` when opened as a tab, else DevTools' inspected tab. */
export function inspectedTabId(search: string): number | null {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const tabId = browser.devtools?.inspectedWindow?.tabId;
  return typeof tabId === 'number' ? tabId : null;
}
