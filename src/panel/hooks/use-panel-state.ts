// Subscribes a view to the store. Updates can arrive hundreds of times a
// second while a page streams; renders are coalesced (leading and trailing)
// so the panel repaints at most once per `throttleMs`.

import { useLayoutEffect, useState } from 'preact/hooks';
import type { ConnectionStore } from '../store/connection-store';
import type { PanelState } from '../store/model';

export function usePanelState(store: ConnectionStore, throttleMs = 0): PanelState {
  const [state, setState] = useState<PanelState>(store.getState());
  // Layout effect: subscribe before the first paint, and even in a hidden tab (no rAF there).
  useLayoutEffect(() => {
    setState(store.getState());
    if (throttleMs <= 0) return store.subscribe(setState);
    let last = 0;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      last = Date.now();
      setState(store.getState());
    };
    const unsubscribe = store.subscribe(() => {
      if (timer !== null) return;
      const wait = Math.max(0, last + throttleMs - Date.now());
      if (wait === 0) flush();
      else timer = setTimeout(flush, wait);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store, throttleMs]);
  return state;
}
