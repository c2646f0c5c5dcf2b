// One socket in the Connections table. The close badge's code span keeps
// data-testid="close-code" (real-browser tests read it).

import { usePanel } from '../context';
import { CloseBadge } from '../components/close-badge';
import { memoized } from '../components/memo';
import { formatBytes, formatClock, formatDuration, hostPath, shortName } from '../format';
import { connectionDuration, type ConnectionColumn } from '../logic/connection-table';
import type { Connection } from '../store/model';

export interface ConnectionRowProps {
  connection: Connection;
  columns: ConnectionColumn[];
  selected: boolean;
  now: number;
}

function Row({ connection: c, columns, selected, now }: ConnectionRowProps) {
  const { t, navigate } = usePanel();
  const cell = (column: ConnectionColumn) => {
    switch (column) {
      case 'name':
        return (
          <td key={column} class="col-name" title={c.url}>
            <span class="conn-name">{shortName(c.url)}</span>
            <span class="conn-host">{hostPath(c.url)}</span>
          </td>
        );
      case 'frame':
        return <td key={column} class="col-frame" title={c.source.isTop ? '' : c.source.frameUrl}>{c.source.isTop ? '' : hostPath(c.source.frameUrl)}</td>;
      case 'protocol':
        return <td key={column} class="col-protocol">{c.protocol}</td>;
      case 'state':
        return <td key={column} class={`col-state state-${c.state}`} data-testid="connection-state">{t(`state_${c.state}`)}</td>;
      case 'opened':
        return <td key={column} class="col-opened num">{formatClock(c.createdAt)}</td>;
      case 'duration':
        return <td key={column} class="col-duration num">{formatDuration(connectionDuration(c, now))}</td>;
      case 'sent':
        return <td key={column} class="col-sent num" title={t('sent_title', c.sent.frames, c.sent.bytes)}>↑ {c.sent.frames} · {formatBytes(c.sent.bytes)}</td>;
      case 'received':
        return <td key={column} class="col-received num" title={t('received_title', c.received.frames, c.received.bytes)}>↓ {c.received.frames} · {formatBytes(c.received.bytes)}</td>;
      case 'close':
        return (
          <td key={column} class="col-close">
            {c.close && (
              <>
                <CloseBadge code={c.close.code} protocol={c.protocol} url={c.url} codeTestId="close-code" />{' '}
                <span class="close-reason-cell" data-testid="close-reason" title={c.close.reason}>{c.close.reason}</span>
              </>
            )}
          </td>
        );
      case 'warnings':
        return (
          <td key={column} class="col-warnings num">
            {c.findings.length > 0 && (
              <span class="warn-count" title={t('warning_count', c.findings.length)} data-testid="warning-count">⚠ {c.findings.length}</span>
            )}
          </td>
        );
    }
  };
  return (
    <tr
      class={`conn-row ${selected ? 'selected' : ''} ${c.close && !c.close.wasClean ? 'unclean' : ''}`}
      aria-selected={selected}
      data-testid="connection-row"
      data-key={c.key}
      data-url={c.url}
      onClick={() => navigate.selectConnection(c.key, c.close ? 'close' : 'frames')}
    >
      {columns.map(cell)}
    </tr>
  );
}

/** Rows re-render only when something they show changed (the connection object mutates in place). */
export const ConnectionRow = memoized(Row, (prev, next) =>
  prev.connection === next.connection &&
  prev.selected === next.selected &&
  prev.columns.join() === next.columns.join() &&
  signature(prev.connection, prev.now) === signature(next.connection, next.now),
);

function signature(c: Connection, now: number): string {
  const live = c.state === 'closed' ? 0 : Math.floor(now / 1000);
  return `${c.state}|${c.protocol}|${c.sent.frames}|${c.received.frames}|${c.findings.length}|${c.close?.code}|${live}`;
}
