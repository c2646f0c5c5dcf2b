// What a close code means: summary, when you see it, likely causes, fixes.
// Shared by the close card and the Reference view.

import { usePanel } from '../context';
import type { CloseCodeInfo } from '../../core/types';

export function CodeExplanation({ info, showCauses = false }: { info: CloseCodeInfo; showCauses?: boolean }) {
  const { t } = usePanel();
  return (
    <section class="card-section explanation-block" aria-label={t('about_code', info.code)}>
      <h3>{t('what_it_means')}</h3>
      <p data-testid="code-summary">{info.summary}</p>
      <h3>{t('when_you_see_it')}</h3>
      <p>{info.whenYouSeeIt}</p>
      {showCauses && info.likelyCauses.length > 0 && (
        <>
          <h3>{t('typical_causes')}</h3>
          <ul>{info.likelyCauses.map((c, i) => <li key={i}>{c}</li>)}</ul>
        </>
      )}
      <h3>{t('how_to_fix')}</h3>
      <ul data-testid="code-fixes">{info.fixes.map((f, i) => <li key={i}>{f}</li>)}</ul>
      <p class="source muted">
        {t('source')}: {info.source}
        {!info.sentOnWire && <> · {t('never_on_wire')}</>}
        {info.pageMayUse && <> · {t('page_may_use')}</>}
      </p>
    </section>
  );
}
