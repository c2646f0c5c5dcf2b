// One reference entry in full: a code (explanation, causes, fixes, library
// meanings), a range (with every library's codes for 4000–4999), or a
// comparison with a picker for the other curated pairs.

import { compareCloseCodes } from '../../core/compare-close-codes';
import { findAppMeanings } from '../../core/find-app-meanings';
import { usePanel } from '../context';
import type { ReferenceEntry } from '../logic/reference-entries';
import { AppMeanings } from './app-meanings';
import { CodeExplanation } from './code-explanation';
import { ComparisonTable } from './comparison-table';
import { LibraryCodes } from './library-codes';
import { ComparisonPicker } from './comparison-picker';

export function ReferenceDetail({ entry }: { entry: ReferenceEntry }) {
  const { t, locale, settings } = usePanel();
  if (entry.kind === 'comparison') {
    const comparison = compareCloseCodes(entry.pair[0], entry.pair[1], locale);
    return (
      <article class="reference-detail" data-testid="reference-detail">
        <ComparisonPicker selected={entry.pair} />
        <ComparisonTable comparison={comparison} />
      </article>
    );
  }
  const { info } = entry;
  const heading = entry.kind === 'range' ? `${entry.from}–${entry.to}` : String(entry.code);
  const userLabel = entry.kind === 'code' ? settings.codeLabels[entry.code] : undefined;
  return (
    <article class={`reference-detail sev-${info.severity}`} data-testid="reference-detail">
      <header class="card-head">
        <div class="card-code">{heading}</div>
        <div class="card-titles">
          <div class="card-name">{info.name}</div>
          <div class="card-title">
            {info.title}
            {userLabel && <span class="user-label">{userLabel}</span>}
          </div>
        </div>
      </header>
      {entry.kind === 'code' && <AppMeanings meanings={findAppMeanings(entry.code)} code={entry.code} />}
      <CodeExplanation info={info} showCauses />
      {entry.kind === 'range' && entry.from === 4000 && <LibraryCodes from={4000} to={4999} />}
      {entry.kind === 'range' && entry.from === 3000 && <LibraryCodes from={3000} to={3999} />}
      {entry.kind === 'code' && (entry.code === 1007 || entry.code === 1008) && (
        <p>
          <ComparisonLink />
        </p>
      )}
      <p class="muted">{t('reference_hint')}</p>
    </article>
  );
}

function ComparisonLink() {
  const { t, navigate } = usePanel();
  return (
    <button type="button" class="link" onClick={() => navigate.showReference('compare:1007-1008')}>
      {t('see_comparison', 1007, 1008)}
    </button>
  );
}
