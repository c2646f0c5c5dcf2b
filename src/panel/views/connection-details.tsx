// The details of the selected connection: Frames | Close | Warnings tabs.
// Escape closes the details and gives focus back to the table.

import { usePanel } from '../context';
import { Tabs } from '../components/tabs';
import { CloseBadge } from '../components/close-badge';
import type { DetailTab } from '../navigation';
import type { Connection, PanelState } from '../store/model';
import { FramesView } from './frames-view';
import { CloseCard } from './close-card';
import { ConnectionWarnings } from './connection-warnings';

export function ConnectionDetails({ connection, state }: { connection: Connection; state: PanelState }) {
  const { t, nav, navigate } = usePanel();
  const tab: DetailTab = nav.detailTab === 'close' && !connection.close ? 'frames' : nav.detailTab;
  const frames = connection.timeline.length;
  const tabs = [
    { id: 'frames' as const, label: t('tab_frames_count', frames), testId: 'tab-frames' },
    { id: 'close' as const, label: t('tab_close'), testId: 'tab-close', disabled: !connection.close },
    { id: 'warnings' as const, label: t('tab_warnings_count', connection.findings.length), testId: 'tab-warnings' },
  ];
  const close = () => {
    navigate.selectConnection(null);
    document.querySelector<HTMLElement>('[data-testid="connections-table"]')?.focus();
  };
  return (
    <section
      class="details"
      aria-label={t('details_of', connection.url)}
      data-testid="connection-details"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          close();
        }
      }}
    >
      <div class="details-head">
        <button type="button" class="tb-btn" aria-label={t('close_details')} title={t('close_details')} onClick={close} data-testid="close-details">
          <span aria-hidden="true">✕</span>
        </button>
        <Tabs items={tabs} selected={tab} onSelect={navigate.setDetailTab} label={t('details_tabs')} idPrefix="detail" class="detail-tabs" />
        <span class="details-url" title={connection.url}>{connection.url}</span>
        {connection.close && <CloseBadge code={connection.close.code} protocol={connection.protocol} url={connection.url} />}
      </div>
      <div class="details-body" id="detail-panel" role="tabpanel" aria-labelledby={`detail-${tab}`}>
        {tab === 'frames' && <FramesView connection={connection} version={state.version} />}
        {tab === 'close' && connection.close && <CloseCard connection={connection} />}
        {tab === 'warnings' && <ConnectionWarnings connection={connection} />}
      </div>
    </section>
  );
}
