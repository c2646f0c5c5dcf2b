// Runs in the page's MAIN world. Every frame has its own hook and its own
// registry of wrapped natives, but a page can pass our WebSocket to another
// frame's Function.prototype.toString (a classic tamper check, e.g. with a
// fresh iframe). That frame's hook then asks the hooks of the other frames in
// the tab, over a private DOM event that is dispatched (synchronously) on
// their window, for the source text of the function it does not know.

import type { Natives } from './natives';

const SOURCE_QUERY_EVENT = 'wsci:native-source?';

export interface RealmBridge {
  /** The native source text of `fn` if another frame's hook wrapped it, else null. */
  sourceElsewhere(fn: unknown): string | null;
}

interface SourceQuery {
  fn: unknown;
  text: string | null;
}

export function openRealmBridge(win: Window, n: Natives, answer: (fn: unknown) => string | null): RealmBridge {
  n.apply(n.addEventListener, win, [SOURCE_QUERY_EVENT, (event: Event) => {
    try {
      const query = n.eventDetail(event) as SourceQuery | null;
      if (typeof query !== 'object' || query === null || query.text !== null) return;
      const text = answer(query.fn);
      if (text !== null) query.text = text;
    } catch {
      // A forged query: nothing to answer.
    }
  }, true]);

  /** Depth-first over the frame tree; true once some frame answered. */
  const ask = (w: Window, query: SourceQuery): boolean => {
    if (w !== win) {
      try {
        const event = new n.CustomEvent(SOURCE_QUERY_EVENT, n.bare({ detail: query }));
        n.apply(n.dispatchEvent, w, [event]);
      } catch {
        // Cross-origin: its hook cannot hold our functions anyway.
      }
      if (query.text !== null) return true;
    }
    let frames = 0;
    try {
      frames = n.windowLength(w);
    } catch {
      return false;
    }
    for (let i = 0; i < frames; i++) {
      const child = (w as unknown as Record<number, Window | undefined>)[i];
      if (child && ask(child, query)) return true;
    }
    return false;
  };

  return {
    sourceElsewhere(fn) {
      try {
        const query = n.bare<SourceQuery>({ fn, text: null });
        return ask(n.windowTop(win), query) ? query.text : null;
      } catch {
        return null;
      }
    },
  };
}
