// Feeds a NetworkLog from a devtools.network API object: getHAR() once for
// what happened before the panel opened, then every onRequestFinished. Takes
// the API as a parameter, so it runs against a fake in unit tests; the browser
// binding is devtools-network.ts.

import { createNetworkLog, type NetworkLog } from './network-log';

/** The part of `devtools.network` we use (Chrome's callback or a promise form). */
export interface DevtoolsNetworkApi {
  getHAR(callback?: (log: unknown) => void): unknown;
  onRequestFinished: {
    addListener(listener: (entry: unknown) => void): void;
    removeListener(listener: (entry: unknown) => void): void;
  };
}

export interface NetworkCapture {
  /** false where there is no devtools.network (a tab, Firefox): entries stay empty. */
  available: boolean;
  entries(): unknown[];
  subscribe(listener: (entries: unknown[]) => void): () => void;
  /**
   * ms epoch from which the log is known to cover sockets: the earliest
   * entry getHAR() returned, or when capture started. null when unavailable.
   */
  since(): number | null;
  stop(): void;
}

function harEntries(log: unknown): unknown[] {
  const value = log as { entries?: unknown; log?: { entries?: unknown } } | null;
  const entries = value?.entries ?? value?.log?.entries;
  return Array.isArray(entries) ? entries : [];
}

function earliestStart(entries: readonly unknown[]): number {
  let earliest = Infinity;
  for (const entry of entries) {
    const started = Date.parse(String((entry as { startedDateTime?: unknown } | null)?.startedDateTime));
    if (started < earliest) earliest = started;
  }
  return earliest;
}

/** Chrome's getHAR takes a callback and returns nothing; Firefox returns a promise. */
function requestHar(api: DevtoolsNetworkApi, done: (log: unknown) => void): void {
  let settled = false;
  const once = (log: unknown) => {
    if (settled) return;
    settled = true;
    done(log);
  };
  const returned = api.getHAR(once) as { then?: unknown } | undefined;
  if (returned && typeof returned.then === 'function') {
    (returned as Promise<unknown>).then(once, () => {});
  }
}

export function captureNetwork(api: DevtoolsNetworkApi | undefined, now = Date.now(), log: NetworkLog = createNetworkLog()): NetworkCapture {
  const unavailable: NetworkCapture = {
    available: false,
    entries: () => [],
    subscribe: () => () => {},
    since: () => null,
    stop() {},
  };
  if (!api) return unavailable;
  let since = now;
  const onFinished = (entry: unknown) => log.add([entry]);
  try {
    api.onRequestFinished.addListener(onFinished);
    requestHar(api, (har) => {
      const entries = harEntries(har);
      since = Math.min(since, earliestStart(entries));
      log.add(entries);
    });
  } catch {
    return unavailable;
  }
  return {
    available: true,
    entries: () => log.entries(),
    subscribe: (listener) => log.subscribe(listener),
    since: () => since,
    stop() {
      try {
        api.onRequestFinished.removeListener(onFinished);
      } catch {
        // The devtools window is going away: nothing left to unsubscribe from.
      }
    },
  };
}
