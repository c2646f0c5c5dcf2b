// Two close codes side by side (1007 vs 1008 and its neighbours): what each
// means, when you see it, how to fix it, the key differences, which to use.

import { usePanel } from '../context';
import type { CloseCodeComparison, CloseCodeInfo } from '../../core/types';

export function ComparisonTable({ comparison, highlight }: { comparison: CloseCodeComparison; highlight?: number }) {
  const { t } = usePanel();
  const { a, b } = comparison;
  const column = (info: CloseCodeInfo, whenToUse: string) => (
    <div class={`compare-col ${info.code === highlight ? 'highlight' : ''} sev-${info.severity}`} data-testid="comparison-column">
      <div class="compare-head">
        <span class="compare-code">{info.code}</span> <span>{info.name}</span>
      </div>
      <h4>{t('what_it_means')}</h4>
      <p>{info.summary}</p>
      <h4>{t('when_you_see_it')}</h4>
      <p>{info.whenYouSeeIt}</p>
      <h4>{t('how_to_fix')}</h4>
      <ul>{info.fixes.map((f, i) => <li key={i}>{f}</li>)}</ul>
      <h4>{t('when_to_use', info.code)}</h4>
      <p>{whenToUse}</p>
    </div>
  );
  return (
    <section class="card-section comparison" data-testid="comparison" aria-label={t('comparison_title', a.code, b.code)}>
      <h3>{t('comparison_title', a.code, b.code)}</h3>
      <h4>{t('key_differences')}</h4>
      <ol class="differences">{comparison.keyDifferences.map((d, i) => <li key={i}>{d}</li>)}</ol>
      <div class="compare-cols">
        {column(a, comparison.whenToUseA)}
        {column(b, comparison.whenToUseB)}
      </div>
    </section>
  );
}
