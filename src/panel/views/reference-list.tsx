// The list of reference entries (a listbox: arrow keys move, Enter opens).

import { describeCloseCode } from '../../core/describe-close-code';
import { usePanel } from '../context';
import type { ReferenceEntry } from '../logic/reference-entries';

export interface ReferenceListProps {
  entries: readonly ReferenceEntry[];
  selectedId: string;
  onSelect(id: string): void;
}

export function ReferenceList({ entries, selectedId, onSelect }: ReferenceListProps) {
  const { t, locale } = usePanel();
  const onKeyDown = (e: KeyboardEvent) => {
    const at = entries.findIndex((x) => x.id === selectedId);
    let next = -1;
    if (e.key === 'ArrowDown') next = Math.min(entries.length - 1, at + 1);
    else if (e.key === 'ArrowUp') next = Math.max(0, at - 1);
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = entries.length - 1;
    if (next < 0 || !entries[next]) return;
    e.preventDefault();
    onSelect(entries[next]!.id);
    document.getElementById(`ref-${entries[next]!.id}`)?.scrollIntoView?.({ block: 'nearest' });
  };
  const label = (entry: ReferenceEntry): [string, string] => {
    if (entry.kind === 'comparison') {
      const [a, b] = entry.pair.map((c) => describeCloseCode(c, { locale }).title);
      return [`${entry.pair[0]} vs ${entry.pair[1]}`, `${a} / ${b}`];
    }
    if (entry.kind === 'range') return [`${entry.from}–${entry.to}`, entry.info.title];
    return [String(entry.code), entry.info.title];
  };
  return (
    <ul
      class="ref-list scroll"
      role="listbox"
      aria-label={t('reference_entries')}
      tabIndex={0}
      aria-activedescendant={`ref-${selectedId}`}
      onKeyDown={onKeyDown}
    >
      {entries.length === 0 && <li class="empty">{t('no_reference_match')}</li>}
      {entries.map((entry) => {
        const [code, title] = label(entry);
        const severity = entry.kind === 'comparison' ? 'compare' : entry.info.severity;
        return (
          <li
            key={entry.id}
            id={`ref-${entry.id}`}
            role="option"
            aria-selected={entry.id === selectedId}
            class={`ref-item ${entry.id === selectedId ? 'selected' : ''}`}
            data-testid="reference-entry"
            data-id={entry.id}
            onClick={() => onSelect(entry.id)}
          >
            <span class={`ref-code sev-${severity}`}>{code}</span>
            <span class="ref-title">{title}</span>
          </li>
        );
      })}
    </ul>
  );
}
