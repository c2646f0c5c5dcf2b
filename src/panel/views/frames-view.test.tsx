import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { feed, renderPanel } from '../test-support/render-panel';
import { SocketScript, T0 } from '../test-support/records';

afterEach(cleanup);

const KEY = 'doc-top:1';

function bigConnection(frames: number) {
  const s = new SocketScript(0, 1, T0).created('ws://feed.test/live').open('json');
  for (let i = 0; i < frames; i++) {
    if (i % 2 === 0) s.sent(`{"n":${i},"op":"ping"}`, {}, 0.01);
    else s.received(`{"n":${i},"op":"pong"}`, {}, 0.01);
  }
  return s;
}

describe('Frames view', () => {
  it('virtualizes 100,000 frames: only a few dozen rows exist in the DOM', () => {
    const s = bigConnection(100_000);
    renderPanel({ records: s.records, navigation: { selectedKey: KEY, detailTab: 'frames' } });
    const rows = screen.getAllByTestId('frame-row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(80);
    expect(screen.getByTestId('frame-count').textContent).toBe('100002 / 100002');
    // Control events are rows of their own.
    expect(rows[0]!.className).toContain('control-created');
    expect(rows[1]!.className).toContain('control-open');
    const list = screen.getByTestId('frames-list');
    expect(list.getAttribute('aria-rowcount')).toBe('100003');
  });

  it('keeps up with appended frames without rescanning (filtered count grows)', () => {
    const s = bigConnection(1000);
    const { store } = renderPanel({ records: s.records, navigation: { selectedKey: KEY, detailTab: 'frames' } });
    fireEvent.input(screen.getByTestId('frame-filter'), { target: { value: 'pong' } });
    expect(screen.getByTestId('frame-count').textContent).toBe('500 / 1002');
    feed(store, new SocketScript(s.lastSeq, 1, T0 + 60_000).received('{"op":"pong"}').sent('{"op":"ping"}').records);
    expect(screen.getByTestId('frame-count').textContent).toBe('501 / 1004');
  });

  it('filters by regex, direction and kind', () => {
    const s = bigConnection(20_000);
    renderPanel({ records: s.records, navigation: { selectedKey: KEY, detailTab: 'frames' } });
    fireEvent.input(screen.getByTestId('frame-filter'), { target: { value: '"n":1999[0-9]' } });
    const rows = screen.getAllByTestId('frame-row');
    expect(rows.map((r) => r.querySelector('.fc-preview')!.textContent)).toEqual(
      Array.from({ length: 10 }, (_, i) => `{"n":${19990 + i},"op":"${i % 2 === 0 ? 'ping' : 'pong'}"}`),
    );
    fireEvent.change(screen.getByTestId('direction-filter'), { target: { value: 'received' } });
    expect(screen.getAllByTestId('frame-row')).toHaveLength(5);
    fireEvent.input(screen.getByTestId('frame-filter'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('direction-filter'), { target: { value: 'all' } });
    fireEvent.change(screen.getByTestId('kind-filter'), { target: { value: 'control' } });
    expect(screen.getAllByTestId('frame-row').map((r) => r.getAttribute('data-seq'))).toEqual(['1', '2']);
  });

  it('shows an error for an invalid regex instead of crashing, and keeps the rows', () => {
    const s = bigConnection(100);
    renderPanel({ records: s.records, navigation: { selectedKey: KEY, detailTab: 'frames' } });
    const input = screen.getByTestId('frame-filter');
    fireEvent.input(input, { target: { value: '([' } });
    expect(screen.getByTestId('regex-error').textContent).toContain('Invalid regular expression');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getAllByTestId('frame-row').length).toBeGreaterThan(10);
    fireEvent.input(input, { target: { value: 'ping' } });
    expect(screen.queryByTestId('regex-error')).toBeNull();
  });

  it('shows pretty JSON, text, and hex dumps of a selected frame, and a truncation note', () => {
    const s = new SocketScript(0, 1, T0).created('ws://feed.test/live').open()
      .sent('{"a":1,"b":[true]}')
      .received('plain text', { truncated: true, size: 5000 })
      .received('48656c6c6f00ff', { kind: 'arraybuffer', size: 7 });
    renderPanel({ records: s.records, navigation: { selectedKey: KEY, detailTab: 'frames', selectedSeq: 3 } });
    expect(screen.getByTestId('payload-json').textContent).toBe('{\n  "a": 1,\n  "b": [\n    true\n  ]\n}');
    fireEvent.click(screen.getAllByTestId('frame-row').find((r) => r.getAttribute('data-seq') === '4')!);
    expect(screen.getByTestId('payload-text').textContent).toBe('plain text');
    expect(screen.getByTestId('truncated-note').textContent).toBe('Preview truncated — 5000 bytes total');
    fireEvent.click(screen.getAllByTestId('frame-row').find((r) => r.getAttribute('data-seq') === '5')!);
    const dump = screen.getByTestId('hex-dump');
    expect(dump.textContent).toContain('48 65 6c 6c 6f 00 ff');
    expect(dump.textContent).toContain('Hello..');
  });

  it('moves the selection with the arrow keys and Escape clears it', () => {
    const s = bigConnection(10);
    renderPanel({ records: s.records, navigation: { selectedKey: KEY, detailTab: 'frames' } });
    const list = screen.getByTestId('frames-list');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    const selected = screen.getAllByTestId('frame-row').filter((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected.map((r) => r.getAttribute('data-seq'))).toEqual(['3']);
    expect(list.getAttribute('aria-activedescendant')).toBe('frame-3');
    expect(within(screen.getByTestId('frame-detail')).getByTestId('payload-json')).toBeTruthy();
    fireEvent.keyDown(list, { key: 'Escape' });
    expect(screen.queryByTestId('frame-detail')).toBeNull();
    expect(screen.getByTestId('connection-details')).toBeTruthy();
  });

  it('copies the payload with the copy button', async () => {
    const written: string[] = [];
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t: string) => void written.push(t) }, configurable: true });
    const s = new SocketScript(0, 1, T0).created('ws://feed.test/live').open().sent('hello');
    renderPanel({ records: s.records, navigation: { selectedKey: KEY, detailTab: 'frames', selectedSeq: 3 } });
    fireEvent.click(screen.getByTestId('copy-button'));
    await screen.findByText('Copied');
    expect(written).toEqual(['hello']);
  });
});
