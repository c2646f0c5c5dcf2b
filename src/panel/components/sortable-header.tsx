// A column header that sorts on click; aria-sort tells assistive tech.

import type { ComponentChildren } from 'preact';

export interface SortState<K extends string> {
  key: K;
  dir: 'asc' | 'desc';
}

export interface SortableHeaderProps<K extends string> {
  column: K;
  sort: SortState<K>;
  onSort(next: SortState<K>): void;
  children: ComponentChildren;
  class?: string;
  title?: string;
}

export function SortableHeader<K extends string>({ column, sort, onSort, children, class: cls, title }: SortableHeaderProps<K>) {
  const active = sort.key === column;
  const ariaSort = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none';
  return (
    <th class={cls} aria-sort={ariaSort} scope="col" title={title}>
      <button
        type="button"
        class="th-button"
        data-testid={`sort-${column}`}
        onClick={() => onSort({ key: column, dir: active && sort.dir === 'asc' ? 'desc' : 'asc' })}
      >
        {children}
        <span class="sort-arrow" aria-hidden="true">{active ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>
      </button>
    </th>
  );
}
