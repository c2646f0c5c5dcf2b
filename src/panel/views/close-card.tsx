// The close card, the heart of the panel: code, registry name and title, who
// closed and why we think so, wasClean, the reason and its byte length, the
// likely causes ranked with evidence from this timeline, what the code means,
// how to fix it, app meanings of 4000–4999, and 1007 vs 1008 side by side.

import { usePanel } from '../context';
import { formatClock, formatRelative } from '../format';
import { useDiagnosis } from '../hooks/use-diagnosis';
import type { Connection } from '../store/model';
import { AppMeanings } from './app-meanings';
import { CauseList } from './cause-list';
import { CloseInitiator } from './close-initiator';
import { CodeExplanation } from './code-explanation';
import { ComparisonTable } from './comparison-table';

export function CloseCard({ connection }: { connection: Connection }) {
  const { t, settings } = usePanel();
  const diagnosis = useDiagnosis(connection);
  const close = connection.close;
  if (!diagnosis || !close) return null;
  const { info } = diagnosis;
  const userLabel = settings.codeLabels[diagnosis.code];
  const certain = info.appMeanings.find((m) => m.certain);
  return (
    <article class={`close-card sev-${info.severity}`} data-testid="close-card" aria-label={t('close_card_label', diagnosis.code)}>
      <header class="card-head">
        <div class="card-code" data-testid="card-close-code">{diagnosis.code}</div>
        <div class="card-titles">
          <div class="card-name" data-testid="close-name">{info.name}</div>
          <div class="card-title">
            {certain ? <span data-testid="card-app-meaning">{certain.meaning}</span> : info.title !== info.name && info.title}
            {userLabel && <span class="user-label" data-testid="user-label" title={t('your_label')}>{userLabel}</span>}
          </div>
        </div>
        <div class="card-facts">
          <span class={`chip ${diagnosis.wasClean ? 'chip-ok' : 'chip-bad'}`} data-testid="was-clean">
            {diagnosis.wasClean ? t('was_clean_true') : t('was_clean_false')}
          </span>
          <span class="muted" title={formatClock(close.time)}>
            {t('closed_at', formatClock(close.time), formatRelative(close.time - connection.createdAt))}
          </span>
        </div>
      </header>
      <dl class="card-kv">
        <div class="kv-row">
          <dt>{t('reason')}</dt>
          <dd>
            {diagnosis.reason ? <q class="reason-text" data-testid="card-close-reason">{diagnosis.reason}</q> : <span class="muted" data-testid="card-close-reason">{t('no_reason')}</span>}{' '}
            <span class="muted" data-testid="reason-bytes">{t('reason_bytes', diagnosis.reasonBytes)}</span>
          </dd>
        </div>
      </dl>
      <CloseInitiator connection={connection} diagnosis={diagnosis} />
      <CauseList connection={connection} causes={diagnosis.causes} />
      <AppMeanings meanings={info.appMeanings} code={diagnosis.code} />
      <CodeExplanation info={info} />
      {diagnosis.comparison && <ComparisonTable comparison={diagnosis.comparison} highlight={diagnosis.code} />}
    </article>
  );
}
