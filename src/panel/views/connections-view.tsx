// The Connections view: filter bar and table, and when a connection is
// selected, its details (Frames | Close | Warnings) in a split pane.

import { useState } from 'preact/hooks';
import { usePanel } from '../context';
import { SplitView } from '../components/split-view';
import { EMPTY_CONNECTION_FILTER, type ConnectionFilter } from '../logic/connection-table';
import type { PanelState } from '../store/model';
import { ConnectionsFilterBar } from './connections-filter-bar';
import { ConnectionsTable } from './connections-table';
import { ConnectionDetails } from './connection-details';

export function ConnectionsView({ state }: { state: PanelState }) {
  const { t, nav } = usePanel();
  const [filter, setFilter] = useState<ConnectionFilter>(EMPTY_CONNECTION_FILTER);
  const selected = state.connections.find((c) => c.key === nav.selectedKey) ?? null;
  const list = (
    <div class="pane-column">
      <ConnectionsFilterBar filter={filter} onChange={setFilter} connections={state.connections} />
      <ConnectionsTable state={state} filter={filter} compact={selected !== null} />
    </div>
  );
  return (
    <SplitView
      direction="row"
      initial={0.42}
      label={t('resize_details')}
      first={list}
      second={selected ? <ConnectionDetails connection={selected} state={state} /> : null}
    />
  );
}
