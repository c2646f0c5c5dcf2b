// The bottom summary line, like DevTools' Network summary: counts, and what
// the capture pipeline had to drop (so a gap in a timeline is never silent).

import { usePanel } from '../context';
import type { PanelState } from '../store/model';

export function StatusBar({ state }: { state: PanelState }) {
  const { t } = usePanel();
  let frames = 0;
  for (const c of state.connections) frames += c.sent.frames + c.received.frames;
  const dropped = [...state.documents.values()].filter((d) => d.dropped.overflow > 0 || d.dropped.rejected > 0);
  return (
    <footer class="status-bar" aria-label={t('status_label')}>
      <span>{t('status_summary', state.connections.length, frames, state.findings.length)}</span>
      {dropped.map((d) => (
        <span key={d.source.docId} class="status-drop" data-testid="dropped" title={d.source.frameUrl}>
          {t('dropped_records', d.dropped.overflow, d.dropped.rejected, d.source.frameUrl)}
        </span>
      ))}
    </footer>
  );
}
