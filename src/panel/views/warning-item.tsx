// One finding: severity, kind, the explanation of the kind and this
// finding's own message, where it happened, and a jump to its record.

import { usePanel } from '../context';
import { SeverityIcon } from '../components/severity-icon';
import { formatRelative, hostPath } from '../format';
import type { Connection, FindingEntry } from '../store/model';
import { kindKey } from './finding-list';

export interface WarningItemProps {
  finding: FindingEntry;
  connection: Connection | undefined;
  showConnection: boolean;
}

export function WarningItem({ finding, connection, showConnection }: WarningItemProps) {
  const { t, locale, navigate } = usePanel();
  const key = kindKey(finding.kind);
  const jump = () => navigate.selectFrame(finding.connectionKey, finding.seq);
  return (
    <li
      class={`warning sev-${finding.severity}`}
      data-testid="warning"
      data-kind={finding.kind}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target === e.currentTarget) {
          e.preventDefault();
          jump();
        }
      }}
    >
      <div class="warning-head">
        <SeverityIcon severity={finding.severity} t={t} />
        <strong class="warning-kind">{t(`finding_${key}`)}</strong>
        <span class="tb-spacer" />
        {showConnection && connection && (
          <span class="warning-conn muted" title={connection.url}>{hostPath(connection.url)}</span>
        )}
        {connection && <span class="muted num nowrap">{formatRelative(finding.time - connection.createdAt)}</span>}
        <button type="button" class="btn btn-small" data-testid="jump-to-frame" aria-label={t('jump_to_frame_of', t(`finding_${key}`))} onClick={jump} disabled={!connection}>
          {t('jump_to_frame')}
        </button>
      </div>
      <p class="warning-message">{finding.message[locale]}</p>
      <p class="warning-help">{t(`finding_help_${key}`)}</p>
    </li>
  );
}
