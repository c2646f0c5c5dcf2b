import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { renderPanel } from '../test-support/render-panel';

afterEach(cleanup);

const entryIds = () => screen.getAllByTestId('reference-entry').map((e) => e.getAttribute('data-id'));

describe('Reference view', () => {
  it('lists every registered code, the ranges and the comparisons; opens on 1007 vs 1008', () => {
    renderPanel({ navigation: { view: 'reference' } });
    const ids = entryIds();
    for (const code of [1000, 1001, 1002, 1003, 1005, 1006, 1007, 1008, 1009, 1011, 1015]) expect(ids).toContain(`code:${code}`);
    expect(ids).toEqual(expect.arrayContaining(['range:0-999', 'range:1016-2999', 'range:3000-3999', 'range:4000-4999']));
    expect(ids[0]).toBe('compare:1007-1008');
    const columns = within(screen.getByTestId('comparison')).getAllByTestId('comparison-column');
    expect(columns.map((c) => c.querySelector('.compare-code')!.textContent)).toEqual(['1007', '1008']);
  });

  it('searches by number and by text', () => {
    renderPanel({ navigation: { view: 'reference' } });
    const search = screen.getByTestId('reference-search');
    fireEvent.input(search, { target: { value: '1008' } });
    expect(entryIds()).toContain('code:1008');
    expect(entryIds()).not.toContain('code:1000');
    fireEvent.input(search, { target: { value: '4401' } });
    expect(entryIds()).toEqual(['code:4401', 'range:4000-4999']);
    fireEvent.click(screen.getAllByTestId('reference-entry')[0]!);
    expect(screen.getByTestId('reference-detail').textContent).toContain('graphql-ws');
    fireEvent.input(search, { target: { value: 'policy' } });
    expect(entryIds()).toContain('code:1008');
    fireEvent.input(search, { target: { value: 'zzzz-nothing' } });
    expect(screen.queryAllByTestId('reference-entry')).toHaveLength(0);
  });

  it('shows a code in full and switches comparisons with the picker', () => {
    renderPanel({ navigation: { view: 'reference', referenceId: 'code:1006' } });
    const detail = screen.getByTestId('reference-detail');
    expect(detail.querySelector('.card-code')!.textContent).toBe('1006');
    expect(detail.textContent).toContain('Abnormal Closure');
    fireEvent.click(screen.getAllByTestId('reference-entry').find((e) => e.getAttribute('data-id') === 'compare:1007-1008')!);
    fireEvent.change(screen.getByTestId('comparison-picker'), { target: { value: '1003-1007' } });
    const columns = within(screen.getByTestId('comparison')).getAllByTestId('comparison-column');
    expect(columns.map((c) => c.querySelector('.compare-code')!.textContent)).toEqual(['1003', '1007']);
  });

  it('moves through entries with the arrow keys', () => {
    renderPanel({ navigation: { view: 'reference' } });
    const list = screen.getByRole('listbox');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    const selected = screen.getAllByTestId('reference-entry').filter((e) => e.getAttribute('aria-selected') === 'true');
    expect(selected.map((e) => e.getAttribute('data-id'))).toEqual(['code:1000']);
    expect(screen.getByTestId('reference-detail').querySelector('.card-code')!.textContent).toBe('1000');
  });
});
