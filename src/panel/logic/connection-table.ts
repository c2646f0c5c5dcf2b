// Sorting and filtering of the Connections table, and where navigation
// markers fall between its rows. Pure, so it is cheap to memoise per version.

import type { Connection, NavigationMarker } from '../store/model';
import type { SortState } from '../components/sortable-header';

export type ConnectionColumn =
  | 'name'
  | 'frame'
  | 'protocol'
  | 'state'
  | 'opened'
  | 'duration'
  | 'sent'
  | 'received'
  | 'close'
  | 'warnings';

export type StateFilter = 'all' | Connection['state'];

export interface ConnectionFilter {
  text: string;
  state: StateFilter;
  /** 'all', 'none' (not closed), or a code as a string. */
  code: string;
}

export const EMPTY_CONNECTION_FILTER: ConnectionFilter = { text: '', state: 'all', code: 'all' };

export function connectionDuration(c: Connection, now: number): number {
  const start = c.openedAt ?? c.createdAt;
  const end = c.close?.time ?? now;
  return end - start;
}

function sortValue(c: Connection, column: ConnectionColumn, now: number): number | string {
  switch (column) {
    case 'name': return c.url;
    case 'frame': return c.source.isTop ? '' : c.source.frameUrl;
    case 'protocol': return c.protocol;
    case 'state': return ['connecting', 'open', 'closing', 'closed'].indexOf(c.state);
    case 'opened': return c.createdAt;
    case 'duration': return connectionDuration(c, now);
    case 'sent': return c.sent.bytes;
    case 'received': return c.received.bytes;
    case 'close': return c.close ? c.close.code : -1;
    case 'warnings': return c.findings.length;
  }
}

export function filterConnections(connections: readonly Connection[], filter: ConnectionFilter): Connection[] {
  const text = filter.text.trim().toLowerCase();
  return connections.filter((c) => {
    if (filter.state !== 'all' && c.state !== filter.state) return false;
    if (filter.code === 'none' && c.close) return false;
    if (filter.code !== 'all' && filter.code !== 'none' && String(c.close?.code) !== filter.code) return false;
    if (!text) return true;
    return (
      c.url.toLowerCase().includes(text) ||
      (c.close?.reason.toLowerCase().includes(text) ?? false) ||
      String(c.close?.code ?? '').startsWith(text)
    );
  });
}

export function sortConnections(connections: Connection[], sort: SortState<ConnectionColumn>, now: number): Connection[] {
  const factor = sort.dir === 'asc' ? 1 : -1;
  return connections.sort((a, b) => {
    const va = sortValue(a, sort.key, now);
    const vb = sortValue(b, sort.key, now);
    const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
    return order * factor || a.createdAt - b.createdAt;
  });
}

/** Close codes present, for the code filter's options. */
export function closeCodesOf(connections: readonly Connection[]): number[] {
  return [...new Set(connections.flatMap((c) => (c.close ? [c.close.code] : [])))].sort((a, b) => a - b);
}

export type TableItem = { kind: 'connection'; connection: Connection } | { kind: 'marker'; marker: NavigationMarker };

/**
 * Interleaves navigation markers with rows sorted by time (ascending): each
 * marker goes before the first connection created at or after it.
 */
export function withMarkers(rows: readonly Connection[], markers: readonly NavigationMarker[]): TableItem[] {
  const items: TableItem[] = [];
  let m = 0;
  for (const connection of rows) {
    while (m < markers.length && markers[m]!.time <= connection.createdAt) items.push({ kind: 'marker', marker: markers[m++]! });
    items.push({ kind: 'connection', connection });
  }
  while (m < markers.length) items.push({ kind: 'marker', marker: markers[m++]! });
  return items;
}
