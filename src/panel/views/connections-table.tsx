// One row per socket, sortable by any column, with navigation markers as
// separator rows when older documents are kept. Arrow keys move the
// selection, Enter opens the details, Escape closes them.

import { useMemo, useState } from 'preact/hooks';
import { usePanel } from '../context';
import { SortableHeader, type SortState } from '../components/sortable-header';
import { useNow } from '../hooks/use-now';
import {
  filterConnections,
  sortConnections,
  withMarkers,
  type ConnectionColumn,
  type ConnectionFilter,
  type TableItem,
} from '../logic/connection-table';
import type { PanelState } from '../store/model';
import { ConnectionRow } from './connection-row';
import { MarkerRow } from './marker-row';

export interface ConnectionsTableProps {
  state: PanelState;
  filter: ConnectionFilter;
  /** Details are open: show fewer columns, like DevTools' Network panel. */
  compact: boolean;
}

const ALL_COLUMNS: ConnectionColumn[] = ['name', 'frame', 'protocol', 'state', 'opened', 'duration', 'sent', 'received', 'close', 'warnings'];
const COMPACT_COLUMNS: ConnectionColumn[] = ['name', 'state', 'close', 'warnings'];

export function ConnectionsTable({ state, filter, compact }: ConnectionsTableProps) {
  const { t, nav, navigate } = usePanel();
  const [sort, setSort] = useState<SortState<ConnectionColumn>>({ key: 'opened', dir: 'asc' });
  const anyLive = state.connections.some((c) => c.state !== 'closed');
  const now = useNow(anyLive ? 1000 : 0);
  const hasFrames = state.connections.some((c) => !c.source.isTop);
  const columns = (compact ? COMPACT_COLUMNS : ALL_COLUMNS).filter((c) => c !== 'frame' || hasFrames);

  const items = useMemo<TableItem[]>(() => {
    const rows = sortConnections(filterConnections(state.connections, filter), sort, now);
    const showMarkers = sort.key === 'opened' && sort.dir === 'asc' && state.markers.length > 1;
    return showMarkers ? withMarkers(rows, state.markers) : rows.map((connection) => ({ kind: 'connection', connection }));
  }, [state.version, filter, sort, anyLive ? now : 0]);

  const keys = items.flatMap((i) => (i.kind === 'connection' ? [i.connection.key] : []));
  const onKeyDown = (e: KeyboardEvent) => {
    const at = nav.selectedKey ? keys.indexOf(nav.selectedKey) : -1;
    let next: string | null | undefined;
    if (e.key === 'ArrowDown') next = keys[Math.min(keys.length - 1, at + 1)];
    else if (e.key === 'ArrowUp') next = keys[Math.max(0, at - 1)];
    else if (e.key === 'Home') next = keys[0];
    else if (e.key === 'End') next = keys[keys.length - 1];
    else if (e.key === 'Escape' && nav.selectedKey) next = null;
    else if (e.key === 'Enter' && nav.selectedKey) {
      e.preventDefault();
      const selected = state.connections.find((c) => c.key === nav.selectedKey);
      navigate.selectConnection(nav.selectedKey, selected?.close ? 'close' : 'frames');
      return;
    } else return;
    e.preventDefault();
    if (next !== undefined) navigate.selectConnection(next);
  };

  const header = (column: ConnectionColumn) => (
    <SortableHeader key={column} column={column} sort={sort} onSort={setSort} class={`col-${column}`}>
      {column === 'warnings' ? (
        <span title={t('col_warnings')}>
          <span aria-hidden="true">⚠</span>
          <span class="visually-hidden">{t('col_warnings')}</span>
        </span>
      ) : (
        t(`col_${column}`)
      )}
    </SortableHeader>
  );

  return (
    <div
      class="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={t('connections_table')}
      onKeyDown={onKeyDown}
      data-testid="connections-table"
    >
      <table class={`grid ${compact ? 'compact' : 'full'}`}>
        <thead>
          <tr>{columns.map(header)}</tr>
        </thead>
        <tbody>
          {items.map((item) =>
            item.kind === 'marker' ? (
              <MarkerRow key={`m:${item.marker.time}:${item.marker.url}`} marker={item.marker} span={columns.length} />
            ) : (
              <ConnectionRow
                key={item.connection.key}
                connection={item.connection}
                columns={columns}
                selected={item.connection.key === nav.selectedKey}
                now={now}
              />
            ),
          )}
        </tbody>
      </table>
      {items.length === 0 && (
        <p class="empty" data-testid="connections-empty">
          {state.connections.length === 0 ? t('no_connections') : t('no_matching_connections')}
        </p>
      )}
    </div>
  );
}
