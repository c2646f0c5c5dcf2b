// The selected record in full: a frame as text, pretty JSON or a hex dump
// (binary previews are hex, two characters per byte), with copy buttons;
// a control event with its fields and call stack.

import { usePanel } from '../context';
import { DirectionIcon } from '../components/direction-icon';
import { formatBytes, formatClock, formatRelative } from '../format';
import type { PageRecord } from '../../protocol/records';
import type { Connection } from '../store/model';
import { FindingList } from './finding-list';
import { PayloadViewer } from './payload-viewer';
import { ControlRecordDetail } from './control-record-detail';

export function FrameDetail({ record, connection }: { record: PageRecord; connection: Connection }) {
  const { t } = usePanel();
  const findings = record.type === 'sent' || record.type === 'close-requested' ? record.findings : [];
  return (
    <section class="frame-detail" tabIndex={-1} aria-label={t('frame_detail')} data-testid="frame-detail">
      <div class="frame-detail-head">
        {(record.type === 'sent' || record.type === 'received') && <DirectionIcon direction={record.type} />}
        <strong>{record.type === 'sent' || record.type === 'received' ? `${record.kind} · ${formatBytes(record.size)}` : record.type}</strong>
        <span class="muted" title={formatClock(record.time)}>{formatRelative(record.time - connection.createdAt)} · {formatClock(record.time)}</span>
      </div>
      {findings.length > 0 && <FindingList findings={findings} />}
      {record.type === 'sent' || record.type === 'received' ? (
        <PayloadViewer key={record.seq} record={record} />
      ) : (
        <ControlRecordDetail record={record} />
      )}
    </section>
  );
}
