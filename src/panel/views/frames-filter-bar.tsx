// Filters for the Frames view: a regex on the preview (an invalid one is
// shown as an error, not thrown), direction, kind; and the time format.

import { usePanel } from '../context';
import type { DirectionFilter, KindFilter, TimelineFilter } from '../logic/timeline-filter';

export interface FramesFilterBarProps {
  filter: TimelineFilter;
  onChange(next: TimelineFilter): void;
  error: string | null;
  shown: number;
  total: number;
  absoluteTime: boolean;
  onToggleTime(): void;
}

export function FramesFilterBar({ filter, onChange, error, shown, total, absoluteTime, onToggleTime }: FramesFilterBarProps) {
  const { t } = usePanel();
  return (
    <div class="filter-bar" role="search" aria-label={t('filter_frames')}>
      <input
        type="search"
        class={`filter-input ${error ? 'invalid' : ''}`}
        placeholder={t('regex_placeholder')}
        aria-label={t('regex_filter')}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'regex-error' : undefined}
        value={filter.pattern}
        spellcheck={false}
        data-testid="frame-filter"
        onInput={(e) => onChange({ ...filter, pattern: (e.currentTarget as HTMLInputElement).value })}
      />
      <select
        aria-label={t('filter_direction')}
        value={filter.direction}
        data-testid="direction-filter"
        onChange={(e) => onChange({ ...filter, direction: (e.currentTarget as HTMLSelectElement).value as DirectionFilter })}
      >
        <option value="all">{t('dir_all')}</option>
        <option value="sent">↑ {t('dir_sent')}</option>
        <option value="received">↓ {t('dir_received')}</option>
      </select>
      <select
        aria-label={t('filter_kind')}
        value={filter.kind}
        data-testid="kind-filter"
        onChange={(e) => onChange({ ...filter, kind: (e.currentTarget as HTMLSelectElement).value as KindFilter })}
      >
        <option value="all">{t('kind_all')}</option>
        <option value="text">{t('kind_text')}</option>
        <option value="binary">{t('kind_binary')}</option>
        <option value="control">{t('kind_control')}</option>
      </select>
      <button type="button" class="btn btn-small" aria-pressed={absoluteTime} data-testid="time-toggle" onClick={onToggleTime}>
        {absoluteTime ? t('time_absolute') : t('time_relative')}
      </button>
      <span class="filter-count" data-testid="frame-count">{t('shown_of_total', shown, total)}</span>
      {error && (
        <span id="regex-error" class="filter-error" role="alert" data-testid="regex-error">
          {t('invalid_regex', error)}
        </span>
      )}
    </div>
  );
}
