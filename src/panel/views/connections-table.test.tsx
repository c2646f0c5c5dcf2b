import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { feed, renderPanel } from '../test-support/render-panel';
import { SocketScript, T0 } from '../test-support/records';
import type { DocumentSource } from '../../protocol/envelope';

afterEach(cleanup);

function threeSockets() {
  const a = new SocketScript(0, 1, T0).created('ws://chat.test/rooms/a').open('chat').sent('hi').closed(1000, 'bye');
  const b = new SocketScript(a.lastSeq, 2, T0 + 100).created('ws://chat.test/feed').open().received('x').closed(1008, 'token expired');
  const c = new SocketScript(b.lastSeq, 3, T0 + 200).created('ws://other.test/live').open();
  return [...a.records, ...b.records, ...c.records];
}

const rowUrls = () => screen.getAllByTestId('connection-row').map((r) => r.getAttribute('data-url'));

describe('Connections table', () => {
  it('shows one row per socket with state, close badge, reason and counts', () => {
    renderPanel({ records: threeSockets() });
    const rows = screen.getAllByTestId('connection-row');
    expect(rows).toHaveLength(3);
    expect(rowUrls()).toEqual(['ws://chat.test/rooms/a', 'ws://chat.test/feed', 'ws://other.test/live']);
    const second = within(rows[1]!);
    expect(second.getByTestId('close-code').textContent).toBe('1008');
    expect(second.getByTestId('close-reason').textContent).toBe('token expired');
    expect(second.getByText('Policy Violation')).toBeTruthy();
    expect(rows[1]!.querySelector('.close-badge')!.className).toContain('sev-');
    expect(rows[0]!.querySelector('.col-name')!.getAttribute('title')).toBe('ws://chat.test/rooms/a');
    expect(rows[0]!.textContent).toContain('↑ 1');
    expect(within(rows[2]!).getByTestId('connection-state').textContent).toBe('open');
    expect(within(rows[2]!).queryByTestId('close-code')).toBeNull();
  });

  it('sorts by a column when its header is clicked, and reverses on a second click', () => {
    renderPanel({ records: threeSockets() });
    fireEvent.click(screen.getByTestId('sort-close'));
    expect(rowUrls()).toEqual(['ws://other.test/live', 'ws://chat.test/rooms/a', 'ws://chat.test/feed']);
    fireEvent.click(screen.getByTestId('sort-close'));
    expect(rowUrls()).toEqual(['ws://chat.test/feed', 'ws://chat.test/rooms/a', 'ws://other.test/live']);
    expect(screen.getByTestId('sort-close').closest('th')!.getAttribute('aria-sort')).toBe('descending');
  });

  it('filters by text (URL or reason), by state and by close code', () => {
    renderPanel({ records: threeSockets() });
    fireEvent.input(screen.getByTestId('connection-filter'), { target: { value: 'expired' } });
    expect(rowUrls()).toEqual(['ws://chat.test/feed']);
    fireEvent.input(screen.getByTestId('connection-filter'), { target: { value: 'chat.test' } });
    expect(rowUrls()).toHaveLength(2);
    fireEvent.input(screen.getByTestId('connection-filter'), { target: { value: '' } });
    fireEvent.change(screen.getByTestId('state-filter'), { target: { value: 'open' } });
    expect(rowUrls()).toEqual(['ws://other.test/live']);
    fireEvent.change(screen.getByTestId('state-filter'), { target: { value: 'all' } });
    fireEvent.change(screen.getByTestId('code-filter'), { target: { value: '1000' } });
    expect(rowUrls()).toEqual(['ws://chat.test/rooms/a']);
    fireEvent.change(screen.getByTestId('code-filter'), { target: { value: 'none' } });
    expect(rowUrls()).toEqual(['ws://other.test/live']);
  });

  it('moves the selection with the arrow keys and closes the details with Escape', () => {
    renderPanel({ records: threeSockets() });
    const table = screen.getByTestId('connections-table');
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    fireEvent.keyDown(table, { key: 'ArrowDown' });
    const selected = screen.getAllByTestId('connection-row').filter((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected.map((r) => r.getAttribute('data-url'))).toEqual(['ws://chat.test/feed']);
    expect(screen.getByTestId('connection-details')).toBeTruthy();
    fireEvent.keyDown(table, { key: 'Enter' });
    expect(screen.getByTestId('close-card')).toBeTruthy();
    fireEvent.keyDown(screen.getByTestId('connection-details'), { key: 'Escape' });
    expect(screen.queryByTestId('connection-details')).toBeNull();
  });

  it('shows navigation markers between documents when the log is preserved', () => {
    const { store } = renderPanel();
    const second: DocumentSource = { docId: 'doc-two', frameUrl: 'http://app.test/two', isTop: true };
    feed(store, new SocketScript(0, 1, T0).created('ws://a.test/').closed(1001).records);
    feed(store, new SocketScript(0, 1, T0 + 5000).created('ws://b.test/').records, second);
    const markers = screen.getAllByTestId('marker-row');
    expect(markers).toHaveLength(2);
    expect(markers[1]!.textContent).toContain('http://app.test/two');
    expect(rowUrls()).toEqual(['ws://a.test/', 'ws://b.test/']);
  });

  it('drops older documents on navigation when "preserve log" is off', () => {
    const { store } = renderPanel({ settings: { ui: { locale: 'auto', preserveLog: false } } });
    feed(store, new SocketScript(0, 1, T0).created('ws://a.test/').closed(1001).records);
    feed(store, new SocketScript(0, 1, T0 + 5000).created('ws://b.test/').records, { docId: 'doc-two', frameUrl: 'http://app.test/two', isTop: true });
    expect(rowUrls()).toEqual(['ws://b.test/']);
    expect(screen.queryAllByTestId('marker-row')).toHaveLength(0);
  });
});
