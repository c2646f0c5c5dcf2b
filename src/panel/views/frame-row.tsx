// One row of the Frames list: time, direction, kind, size, preview, warnings.
// Control events get the same columns, styled apart. Gets `t` by prop (no
// context subscription per row).

import { DirectionIconPlain } from '../components/direction-icon';
import { SeverityIcon } from '../components/severity-icon';
import { kindKey } from './finding-list';
import { formatBytes, formatClock, formatRelative } from '../format';
import type { Translate } from '../i18n';
import { isFrame } from '../logic/timeline-filter';
import { recordKindLabel, recordSummary } from '../logic/record-summary';
import type { PageRecord } from '../../protocol/records';

/** A row shows one line; the detail pane shows the rest. */
const PREVIEW_CHARS_IN_ROW = 400;

export interface FrameRowProps {
  record: PageRecord;
  index: number;
  start: number;
  absoluteTime: boolean;
  selected: boolean;
  onSelect(seq: number): void;
  t: Translate;
}

export function FrameHeader({ t }: { t: Translate }) {
  return (
    <div class="frame-row frame-header" role="row" aria-rowindex={1}>
      <span role="columnheader" class="fc-time">{t('col_time')}</span>
      <span role="columnheader" class="fc-dir"><span class="visually-hidden">{t('col_direction')}</span></span>
      <span role="columnheader" class="fc-kind">{t('col_kind')}</span>
      <span role="columnheader" class="fc-size">{t('col_size')}</span>
      <span role="columnheader" class="fc-preview">{t('col_data')}</span>
      <span role="columnheader" class="fc-warn"><span class="visually-hidden">{t('col_warnings')}</span></span>
    </div>
  );
}

function findingsOf(record: PageRecord) {
  return record.type === 'sent' || record.type === 'close-requested' ? record.findings : [];
}

export function FrameRow({ record, index, start, absoluteTime, selected, onSelect, t }: FrameRowProps) {
  const frame = isFrame(record);
  const findings = findingsOf(record);
  const worst = findings.some((f) => f.severity === 'error') ? 'error' : findings.length > 0 ? 'warning' : '';
  const time = absoluteTime ? formatClock(record.time) : formatRelative(record.time - start);
  const controlClass = frame ? '' : `control control-${record.type}`;
  return (
    <div
      id={`frame-${record.seq}`}
      class={`frame-row ${controlClass} ${selected ? 'selected' : ''} ${frame && record.type === 'sent' && record.thrown ? 'threw' : ''}`}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-testid="frame-row"
      data-seq={record.seq}
      onClick={() => onSelect(record.seq)}
    >
      <span role="gridcell" class="fc-time num" title={absoluteTime ? formatRelative(record.time - start) : formatClock(record.time)}>{time}</span>
      <span role="gridcell" class="fc-dir">{frame ? <DirectionIconPlain direction={record.type} t={t} /> : <span class="ctl-dot" aria-hidden="true">●</span>}</span>
      <span role="gridcell" class="fc-kind">{recordKindLabel(record, t)}</span>
      <span role="gridcell" class="fc-size num">{frame ? formatBytes(record.size) : ''}</span>
      <span role="gridcell" class="fc-preview">{recordSummary(record, t).slice(0, PREVIEW_CHARS_IN_ROW)}</span>
      <span role="gridcell" class="fc-warn">
        {worst && (
          <SeverityIcon severity={worst} t={t} label={findings.map((f) => t(`finding_${kindKey(f.kind)}`)).join(', ')} />
        )}
      </span>
    </div>
  );
}
