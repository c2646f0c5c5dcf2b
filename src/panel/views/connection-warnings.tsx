// The Warnings tab of one connection: its findings, newest last.

import { usePanel } from '../context';
import type { Connection } from '../store/model';
import { WarningItem } from './warning-item';
import { useListKeys } from '../hooks/use-list-keys';

export function ConnectionWarnings({ connection }: { connection: Connection }) {
  const { t } = usePanel();
  const onKeyDown = useListKeys('[data-testid="warning"]');
  if (connection.findings.length === 0) return <p class="empty">{t('no_warnings_connection')}</p>;
  return (
    <ul class="warning-list" aria-label={t('tab_warnings')} onKeyDown={onKeyDown}>
      {connection.findings.slice(0, 500).map((f, i) => (
        <WarningItem key={`${f.seq}:${f.kind}:${i}`} finding={f} connection={connection} showConnection={false} />
      ))}
    </ul>
  );
}
