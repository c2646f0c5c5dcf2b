import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { renderPanel } from '../test-support/render-panel';
import { LONE_SURROGATE, SocketScript, T0 } from '../test-support/records';
import type { Finding } from '../../core/types';

afterEach(cleanup);

const NUL: Finding = { kind: 'nul', severity: 'warning', message: { en: 'Text contains 2 NUL characters.', ja: 'NUL 文字が 2 個あります。' }, index: 3 };

function records() {
  const a = new SocketScript(0, 1, T0).created('ws://a.test/one').open();
  for (let i = 0; i < 50; i++) a.sent(`frame ${i}`);
  a.sent('a\uD800', { findings: [LONE_SURROGATE] });
  const b = new SocketScript(a.lastSeq, 2, T0 + 1000).created('ws://b.test/two').open().sent('x\u0000\u0000', { findings: [NUL] });
  return { all: [...a.records, ...b.records], surrogateSeq: a.lastSeq };
}

describe('Warnings view', () => {
  it('lists every finding across connections, grouped by kind, with explanations', () => {
    renderPanel({ records: records().all, navigation: { view: 'warnings' } });
    const items = screen.getAllByTestId('warning');
    expect(items.map((w) => w.getAttribute('data-kind'))).toEqual(['lone-surrogate', 'nul']);
    expect(items[0]!.textContent).toContain('send() will turn it into U+FFFD');
    expect(items[0]!.querySelector('.warning-help')!.textContent).toContain('U+FFFD');
    expect(screen.getByTestId('view-warnings').textContent).toBe('Warnings (2)');
  });

  it('sorts by severity and groups by connection', () => {
    renderPanel({ records: records().all, navigation: { view: 'warnings' } });
    fireEvent.change(screen.getByTestId('warning-grouping'), { target: { value: 'connection' } });
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['a.test/one (1)', 'b.test/two (1)']);
    fireEvent.change(screen.getByTestId('warning-grouping'), { target: { value: 'none' } });
    fireEvent.change(screen.getByTestId('warning-order'), { target: { value: 'severity' } });
    expect(screen.getAllByTestId('warning').map((w) => w.getAttribute('data-severity') ?? w.className)).toEqual([
      expect.stringContaining('sev-error'),
      expect.stringContaining('sev-warning'),
    ]);
  });

  it('jumps to the frame: selects the connection and the record, in the Frames tab', () => {
    const { all, surrogateSeq } = records();
    renderPanel({ records: all, navigation: { view: 'warnings' } });
    fireEvent.click(within(screen.getAllByTestId('warning')[0]!).getByTestId('jump-to-frame'));
    const row = screen.getAllByTestId('connection-row').find((r) => r.getAttribute('aria-selected') === 'true');
    expect(row!.getAttribute('data-url')).toBe('ws://a.test/one');
    const selected = screen.getAllByTestId('frame-row').filter((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected.map((r) => r.getAttribute('data-seq'))).toEqual([String(surrogateSeq)]);
    expect(within(screen.getByTestId('frame-detail')).getByText(/send\(\) will turn it into U\+FFFD/)).toBeTruthy();
  });
});
