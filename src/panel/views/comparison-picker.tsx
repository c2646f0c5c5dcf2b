// Picks which curated comparison the Reference shows (1007/1008 against each
// other and against 1002, 1003, 1009).

import { listCuratedComparisons } from '../../core/curated-comparisons';
import { usePanel } from '../context';

export function ComparisonPicker({ selected }: { selected: [number, number] }) {
  const { t, navigate } = usePanel();
  const pairs = listCuratedComparisons();
  const value = `${selected[0]}-${selected[1]}`;
  return (
    <label class="inline-field comparison-picker">
      {t('compare_pair')}
      <select value={value} data-testid="comparison-picker" onChange={(e) => navigate.showReference(`compare:${(e.currentTarget as HTMLSelectElement).value}`)}>
        {pairs.map(([a, b]) => (
          <option key={`${a}-${b}`} value={`${a}-${b}`}>{`${a} vs ${b}`}</option>
        ))}
      </select>
    </label>
  );
}
