// What libraries mean by a (mostly 4000–4999) code: certain when the
// subprotocol or host identifies the library, otherwise candidates.

import { usePanel } from '../context';
import type { AppMeaning } from '../../core/types';

export function AppMeanings({ meanings, code }: { meanings: readonly AppMeaning[]; code: number }) {
  const { t } = usePanel();
  if (meanings.length === 0) return null;
  const certain = meanings.filter((m) => m.certain);
  const shown = certain.length > 0 ? certain : meanings;
  return (
    <section class="card-section app-meanings" aria-label={t('app_meaning')} data-testid="app-meanings">
      <h3>{certain.length > 0 ? t('app_meaning') : t('app_meaning_candidates', code)}</h3>
      <ul>
        {shown.map((m) => (
          <li key={`${m.library}:${m.meaning}`} data-testid="app-meaning" data-certain={m.certain}>
            <strong>{m.library}</strong>: {m.meaning}
            {m.matchedBy && <span class="muted"> ({t('matched_by', m.matchedBy)})</span>}
            {m.reconnect !== undefined && <span class="muted"> · {m.reconnect ? t('reconnect_yes') : t('reconnect_no')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
