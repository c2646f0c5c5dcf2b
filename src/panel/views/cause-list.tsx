// Likely causes, highest score first. Each evidence item that points at a
// record is a link: it selects that record in the Frames tab and scrolls to it.

import { usePanel } from '../context';
import { formatRelative } from '../format';
import type { Evidence, RankedCause } from '../../core/diagnose';
import type { Connection } from '../store/model';

export function CauseList({ connection, causes }: { connection: Connection; causes: readonly RankedCause[] }) {
  const { t } = usePanel();
  return (
    <section class="card-section causes" aria-label={t('likely_causes')}>
      <h3>{t('likely_causes')}</h3>
      {causes.length === 0 && <p class="muted">{t('no_causes')}</p>}
      <ol class="cause-list">
        {causes.map((cause, i) => (
          <li key={cause.id} class={`cause ${i === 0 ? 'top' : ''}`} data-testid="cause" data-cause-id={cause.id}>
            <div class="cause-head">
              <span class="score" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(cause.score * 100)} aria-label={t('score')}>
                <span class="score-bar"><span class="score-fill" style={{ width: `${Math.round(cause.score * 100)}%` }} /></span>
                <span class="score-num">{Math.round(cause.score * 100)}%</span>
              </span>
              <strong class="cause-title">{cause.title}</strong>
            </div>
            <p class="explanation">{cause.explanation}</p>
            {cause.evidence.length > 0 && (
              <ul class="evidence-list" aria-label={t('evidence')}>
                {cause.evidence.map((e, j) => <EvidenceItem key={j} evidence={e} connection={connection} />)}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function EvidenceItem({ evidence, connection }: { evidence: Evidence; connection: Connection }) {
  const { t, navigate } = usePanel();
  const time = evidence.time !== null ? formatRelative(evidence.time - connection.createdAt) : null;
  const seq = evidence.seq;
  return (
    <li class="evidence">
      <span class="evidence-body">
      {seq !== null ? (
        <button
          type="button"
          class="link evidence-link"
          data-testid="evidence"
          data-seq={seq}
          title={t('show_in_frames')}
          onClick={() => navigate.selectFrame(connection.key, seq)}
        >
          {time && <span class="evidence-time">{time}</span>} {evidence.label}
        </button>
      ) : (
        <span class="evidence-text" data-testid="evidence-text">
          {time && <span class="evidence-time">{time}</span>} {evidence.label}
        </span>
      )}
      {evidence.quote && <q class="evidence-quote">{evidence.quote}</q>}
      </span>
    </li>
  );
}
