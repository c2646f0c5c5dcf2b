// Filters for the Connections table: text (URL, reason, code), state, code.

import { usePanel } from '../context';
import { closeCodesOf, type ConnectionFilter, type StateFilter } from '../logic/connection-table';
import type { Connection } from '../store/model';

export interface ConnectionsFilterBarProps {
  filter: ConnectionFilter;
  onChange(next: ConnectionFilter): void;
  connections: readonly Connection[];
}

const STATES: StateFilter[] = ['all', 'connecting', 'open', 'closing', 'closed'];

export function ConnectionsFilterBar({ filter, onChange, connections }: ConnectionsFilterBarProps) {
  const { t } = usePanel();
  const codes = closeCodesOf(connections);
  return (
    <div class="filter-bar" role="search" aria-label={t('filter_connections')}>
      <input
        type="search"
        class="filter-input"
        placeholder={t('filter_text_placeholder')}
        aria-label={t('filter_text')}
        value={filter.text}
        data-testid="connection-filter"
        onInput={(e) => onChange({ ...filter, text: (e.currentTarget as HTMLInputElement).value })}
      />
      <select
        aria-label={t('filter_state')}
        value={filter.state}
        data-testid="state-filter"
        onChange={(e) => onChange({ ...filter, state: (e.currentTarget as HTMLSelectElement).value as StateFilter })}
      >
        {STATES.map((s) => (
          <option key={s} value={s}>{s === 'all' ? t('all_states') : t(`state_${s}`)}</option>
        ))}
      </select>
      <select
        aria-label={t('filter_code')}
        value={filter.code}
        data-testid="code-filter"
        onChange={(e) => onChange({ ...filter, code: (e.currentTarget as HTMLSelectElement).value })}
      >
        <option value="all">{t('all_codes')}</option>
        <option value="none">{t('not_closed')}</option>
        {codes.map((c) => (
          <option key={c} value={String(c)}>{c}</option>
        ))}
        {filter.code !== 'all' && filter.code !== 'none' && !codes.includes(Number(filter.code)) && (
          <option value={filter.code}>{filter.code}</option>
        )}
      </select>
    </div>
  );
}
