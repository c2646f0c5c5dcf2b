// Who closed: the page (with the stack of its close() call), the server, or
// the browser/network, and the diagnosis' explanation of how we know.

import { usePanel } from '../context';
import type { Diagnosis } from '../../core/diagnose';
import type { Connection } from '../store/model';
import { closeCallText } from '../logic/record-summary';

const ICON = { page: '⌨', server: '⇅', browser: '⚡' } as const;

export function CloseInitiator({ connection, diagnosis }: { connection: Connection; diagnosis: Diagnosis }) {
  const { t, navigate } = usePanel();
  const request = diagnosis.initiator === 'page'
    ? connection.closeRequests.find((r) => r.verdict.ok) ?? connection.closeRequests[connection.closeRequests.length - 1]
    : undefined;
  return (
    <section class="card-section initiator" aria-label={t('who_closed')} data-testid="initiator" data-initiator={diagnosis.initiator}>
      <h3>{t('who_closed')}</h3>
      <p class="initiator-line">
        <span class="initiator-icon" aria-hidden="true">{ICON[diagnosis.initiator]}</span>
        <strong data-testid="initiator-label">{t(`initiator_${diagnosis.initiator}`)}</strong>
        {request && (
          <>
            {' — '}
            <button type="button" class="link" data-testid="close-call-link" title={t('show_in_frames')} onClick={() => navigate.selectFrame(connection.key, request.seq)}>
              <code>{closeCallText(request.code, request.reason)}</code>
            </button>
          </>
        )}
      </p>
      <p class="explanation">{diagnosis.initiatorExplanation}</p>
      {request?.stack && (
        <details class="stack-details">
          <summary>{t('call_stack')}</summary>
          <pre class="stack" data-testid="close-stack">{request.stack}</pre>
        </details>
      )}
    </section>
  );
}
