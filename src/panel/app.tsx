// The panel's root view. For now a plain list of connections (URL, state,
// close code and reason) and of findings; the full UI builds on the same store.

import { useLayoutEffect, useState } from 'preact/hooks';
import type { ConnectionStore } from './store/connection-store';
import type { PanelState } from './store/model';

export function App({ store }: { store: ConnectionStore }) {
  const [state, setState] = useState<PanelState>(store.getState());
  // Layout effect: subscribe before the first paint, and even in a hidden tab (no rAF there).
  useLayoutEffect(() => {
    setState(store.getState());
    return store.subscribe(setState);
  }, [store]);

  return (
    <main class="wsci">
      <h1>WebSocket Close Inspector</h1>
      <section aria-label="Connections">
        <h2>Connections ({state.connections.length})</h2>
        <ul data-testid="connections">
          {state.connections.map((c) => (
            <li key={c.key} data-testid="connection" data-url={c.url} data-state={c.state}>
              <span data-testid="url">{c.url}</span> <span data-testid="state">{c.state}</span>
              {c.close && (
                <span>
                  {' '}close <span data-testid="close-code">{c.close.code}</span>{' '}
                  <span data-testid="close-reason">{c.close.reason}</span>{' '}
                  <span data-testid="was-clean">{c.close.wasClean ? 'clean' : 'unclean'}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Capture">
        {[...state.documents.values()]
          .filter((d) => d.dropped.overflow > 0 || d.dropped.rejected > 0)
          .map((d) => (
            <p key={d.source.docId} data-testid="dropped">
              {d.source.frameUrl}: {d.dropped.overflow} records shed by the history buffer, {d.dropped.rejected} malformed messages rejected
            </p>
          ))}
      </section>
      <section aria-label="Findings">
        <h2>Findings ({state.findings.length})</h2>
        <ul data-testid="findings">
          {state.findings.map((f) => (
            <li key={`${f.connectionKey}:${f.seq}:${f.kind}`} data-testid="finding" data-kind={f.kind}>
              {f.kind}: {f.message.en}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
