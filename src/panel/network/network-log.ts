// The WebSocket entries of Chrome's network log that the panel has seen: a
// bounded list, newest last. A socket still open when getHAR() ran is logged
// again by onRequestFinished when it ends; the later copy replaces the first.

import { isWebSocketHarEntry } from './har-entry';

export const DEFAULT_NETWORK_LOG_LIMIT = 2000;

export interface NetworkLog {
  /** Keeps the WebSocket entries among `entries`; ignores the rest. */
  add(entries: readonly unknown[]): void;
  entries(): unknown[];
  subscribe(listener: (entries: unknown[]) => void): () => void;
}

function identity(entry: unknown): string {
  const e = entry as { startedDateTime?: unknown; request?: { url?: unknown } };
  return `${String(e.request?.url)} ${String(e.startedDateTime)}`;
}

export function createNetworkLog(limit = DEFAULT_NETWORK_LOG_LIMIT): NetworkLog {
  const byIdentity = new Map<string, unknown>();
  const listeners = new Set<(entries: unknown[]) => void>();
  let snapshot: unknown[] = [];

  return {
    add(entries) {
      let changed = false;
      for (const entry of entries) {
        if (!isWebSocketHarEntry(entry)) continue;
        const id = identity(entry);
        // Delete first so that the replacement moves to the end (newest).
        byIdentity.delete(id);
        byIdentity.set(id, entry);
        changed = true;
      }
      if (!changed) return;
      for (const id of byIdentity.keys()) {
        if (byIdentity.size <= limit) break;
        byIdentity.delete(id);
      }
      snapshot = [...byIdentity.values()];
      for (const listener of listeners) listener(snapshot);
    },
    entries: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
