// A separator row: the inspected tab navigated to a new top document here.

import { usePanel } from '../context';
import { formatClock } from '../format';
import type { NavigationMarker } from '../store/model';

export function MarkerRow({ marker, span }: { marker: NavigationMarker; span: number }) {
  const { t } = usePanel();
  return (
    <tr class="marker-row" data-testid="marker-row">
      <td colSpan={span}>
        <span class="marker-time">{formatClock(marker.time)}</span> {t('navigated_to')}{' '}
        <span class="marker-url" title={marker.url}>{marker.url}</span>
      </td>
    </tr>
  );
}
