// Every finding across connections: grouped by kind or connection, or one
// list by time or severity; each explains itself and jumps to its record.

import { useMemo, useState } from 'preact/hooks';
import { usePanel } from '../context';
import { hostPath } from '../format';
import { useListKeys } from '../hooks/use-list-keys';
import type { FindingEntry, PanelState } from '../store/model';
import { kindKey } from './finding-list';
import { WarningItem } from './warning-item';

type Grouping = 'none' | 'kind' | 'connection';
type Order = 'time' | 'severity';

/** Findings rendered per group; a page can produce one per frame. */
const MAX_SHOWN = 500;

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

export function WarningsView({ state }: { state: PanelState }) {
  const { t } = usePanel();
  const [grouping, setGrouping] = useState<Grouping>('kind');
  const [order, setOrder] = useState<Order>('time');
  const onKeyDown = useListKeys('[data-testid="warning"]');
  const byKey = useMemo(() => new Map(state.connections.map((c) => [c.key, c])), [state.version]);

  const groups = useMemo(() => {
    const sorted = [...state.findings].sort((a, b) =>
      order === 'severity' ? SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.time - b.time : a.time - b.time,
    );
    const map = new Map<string, FindingEntry[]>();
    for (const f of sorted) {
      const group = grouping === 'kind' ? f.kind : grouping === 'connection' ? f.connectionKey : '';
      const list = map.get(group);
      if (list) list.push(f);
      else map.set(group, [f]);
    }
    return [...map.entries()];
  }, [state.version, grouping, order]);

  const title = (group: string) => {
    if (grouping === 'kind') return t(`finding_${kindKey(group as FindingEntry['kind'])}`);
    const c = byKey.get(group);
    return c ? hostPath(c.url) : group;
  };

  return (
    <div class="pane-column warnings-view" data-testid="warnings-view">
      <div class="filter-bar">
        <label class="inline-field">
          {t('group_by')}
          <select value={grouping} data-testid="warning-grouping" onChange={(e) => setGrouping((e.currentTarget as HTMLSelectElement).value as Grouping)}>
            <option value="kind">{t('group_kind')}</option>
            <option value="connection">{t('group_connection')}</option>
            <option value="none">{t('group_none')}</option>
          </select>
        </label>
        <label class="inline-field">
          {t('sort_by')}
          <select value={order} data-testid="warning-order" onChange={(e) => setOrder((e.currentTarget as HTMLSelectElement).value as Order)}>
            <option value="time">{t('sort_time')}</option>
            <option value="severity">{t('sort_severity')}</option>
          </select>
        </label>
      </div>
      <div class="scroll" onKeyDown={onKeyDown}>
        {state.findings.length === 0 && <p class="empty">{t('no_warnings')}</p>}
        {groups.map(([group, findings]) => (
          <section key={group} class="warning-group" aria-label={grouping === 'none' ? t('view_warnings') : title(group)}>
            {grouping !== 'none' && (
              <h3 class="group-title">
                {title(group)} <span class="muted">({findings.length})</span>
              </h3>
            )}
            <ul class="warning-list">
              {findings.slice(0, MAX_SHOWN).map((f, i) => (
                <WarningItem key={`${f.connectionKey}:${f.seq}:${f.kind}:${i}`} finding={f} connection={byKey.get(f.connectionKey)} showConnection={grouping !== 'connection'} />
              ))}
            </ul>
            {findings.length > MAX_SHOWN && <p class="muted more">{t('more_not_shown', findings.length - MAX_SHOWN)}</p>}
          </section>
        ))}
      </div>
    </div>
  );
}
