// Where the user is: the top-level view, the selected connection, its detail
// tab and the selected frame. Evidence links and warning jumps go through
// selectFrame(), which also asks the frames list to scroll (reveal).

import { useMemo, useState } from 'preact/hooks';

export type TopView = 'connections' | 'warnings' | 'reference';
export type DetailTab = 'frames' | 'close' | 'warnings';

export interface NavigationState {
  view: TopView;
  selectedKey: string | null;
  detailTab: DetailTab;
  selectedSeq: number | null;
  /** Bumped when a frame must be scrolled into view (and shown despite filters). */
  reveal: number;
  /** The reference entry to show (a code, or a comparison id like '1007-1008'). */
  referenceId: string | null;
}

export interface Navigation {
  setView(view: TopView): void;
  selectConnection(key: string | null, tab?: DetailTab): void;
  setDetailTab(tab: DetailTab): void;
  selectSeq(seq: number | null): void;
  /** Show this record of this connection in the Frames tab. */
  selectFrame(key: string, seq: number): void;
  showReference(id: string): void;
}

export const INITIAL_NAVIGATION: NavigationState = {
  view: 'connections',
  selectedKey: null,
  detailTab: 'close',
  selectedSeq: null,
  reveal: 0,
  referenceId: null,
};

export function useNavigation(initial: NavigationState = INITIAL_NAVIGATION): [NavigationState, Navigation] {
  const [nav, setNav] = useState<NavigationState>(initial);
  const navigate = useMemo<Navigation>(
    () => ({
      setView: (view) => setNav((n) => ({ ...n, view })),
      selectConnection: (key, tab) =>
        setNav((n) => ({
          ...n,
          view: 'connections',
          selectedKey: key,
          detailTab: tab ?? n.detailTab,
          selectedSeq: key === n.selectedKey ? n.selectedSeq : null,
        })),
      setDetailTab: (detailTab) => setNav((n) => ({ ...n, detailTab })),
      selectSeq: (selectedSeq) => setNav((n) => ({ ...n, selectedSeq })),
      selectFrame: (key, seq) =>
        setNav((n) => ({ ...n, view: 'connections', selectedKey: key, detailTab: 'frames', selectedSeq: seq, reveal: n.reveal + 1 })),
      showReference: (referenceId) => setNav((n) => ({ ...n, view: 'reference', referenceId })),
    }),
    [],
  );
  return [nav, navigate];
}
