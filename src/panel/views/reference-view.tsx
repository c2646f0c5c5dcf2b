// The close-code reference: a searchable list (number or text) of every code,
// the ranges, and the comparisons (1007 vs 1008 first); the entry in full on
// the right.

import { useMemo, useState } from 'preact/hooks';
import { usePanel } from '../context';
import { SplitView } from '../components/split-view';
import { DEFAULT_REFERENCE_ID, entryById, referenceEntries, searchReference } from '../logic/reference-entries';
import { ReferenceDetail } from './reference-detail';
import { ReferenceList } from './reference-list';

export function ReferenceView() {
  const { t, locale, nav, navigate } = usePanel();
  const [query, setQuery] = useState('');
  const entries = useMemo(() => referenceEntries(locale), [locale]);
  const shown = useMemo(() => searchReference(entries, query, locale), [entries, query, locale]);
  const selectedId = nav.referenceId ?? DEFAULT_REFERENCE_ID;
  const selected = entryById(entries, selectedId, locale);

  const list = (
    <div class="pane-column">
      <div class="filter-bar" role="search">
        <input
          type="search"
          class="filter-input"
          placeholder={t('reference_search_placeholder')}
          aria-label={t('reference_search')}
          value={query}
          data-testid="reference-search"
          onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </div>
      <ReferenceList entries={shown} selectedId={selectedId} onSelect={navigate.showReference} />
    </div>
  );
  return (
    <SplitView
      direction="row"
      initial={0.3}
      label={t('resize_details')}
      class="reference-view"
      first={list}
      second={<div class="scroll reference-detail-pane">{selected ? <ReferenceDetail entry={selected} /> : <p class="empty">{t('no_reference_match')}</p>}</div>}
    />
  );
}
