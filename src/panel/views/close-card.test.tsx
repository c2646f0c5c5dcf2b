import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/preact';
import { renderPanel } from '../test-support/render-panel';
import { LONE_SURROGATE, SocketScript, T0 } from '../test-support/records';

afterEach(cleanup);

const KEY = 'doc-top:1';

function closedWith1007() {
  return new SocketScript(0, 1, T0)
    .created('ws://chat.test/rooms/a')
    .open('chat')
    .sent('{"msg":"hello"}')
    .sent('{"msg":"a\uD800b"}', { findings: [LONE_SURROGATE] }, 200)
    .closed(1007, 'invalid UTF-8 payload', true, 30);
}

describe('Close card', () => {
  it('shows code, registry name, title, reason with its byte length, wasClean and who closed', () => {
    renderPanel({ records: closedWith1007().records, navigation: { selectedKey: KEY, detailTab: 'close' } });
    const card = screen.getByTestId('close-card');
    const q = within(card);
    expect(q.getByTestId('card-close-code').textContent).toBe('1007');
    expect(q.getByTestId('close-name').textContent).toBe('Invalid frame payload data');
    expect(card.textContent).toContain('Invalid Payload Data');
    expect(q.getByTestId('card-close-reason').textContent).toBe('invalid UTF-8 payload');
    expect(q.getByTestId('reason-bytes').textContent).toBe('21 bytes of 123');
    expect(q.getByTestId('was-clean').textContent).toBe('wasClean: true');
    expect(q.getByTestId('initiator').getAttribute('data-initiator')).toBe('server');
    expect(q.getByTestId('initiator-label').textContent).toBe('The server (or a proxy)');
    expect(q.getByTestId('code-summary').textContent!.length).toBeGreaterThan(20);
    expect(q.getByTestId('code-fixes').querySelectorAll('li').length).toBeGreaterThan(0);
  });

  it('ranks causes with scores, and an evidence link selects the frame in the Frames tab', () => {
    const script = closedWith1007();
    renderPanel({ records: script.records, navigation: { selectedKey: KEY, detailTab: 'close' } });
    const causes = screen.getAllByTestId('cause');
    expect(causes.length).toBeGreaterThan(0);
    expect(causes[0]!.getAttribute('data-cause-id')).toBe('1007-lone-surrogate-sends');
    const scores = causes.map((c) => Number(c.querySelector('[role="meter"]')!.getAttribute('aria-valuenow')));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const link = within(causes[0]!).getAllByTestId('evidence').find((e) => e.getAttribute('data-seq') === '4');
    expect(link).toBeTruthy();
    fireEvent.click(link!);
    expect(screen.queryByTestId('close-card')).toBeNull();
    const selected = screen.getAllByTestId('frame-row').filter((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected.map((r) => r.getAttribute('data-seq'))).toEqual(['4']);
    expect(screen.getByTestId('tab-frames').getAttribute('aria-selected')).toBe('true');
  });

  it('shows 1007 and 1008 side by side with key differences', () => {
    renderPanel({ records: closedWith1007().records, navigation: { selectedKey: KEY, detailTab: 'close' } });
    const comparison = screen.getByTestId('comparison');
    const columns = within(comparison).getAllByTestId('comparison-column');
    expect(columns.map((c) => c.querySelector('.compare-code')!.textContent)).toEqual(['1007', '1008']);
    expect(comparison.querySelectorAll('.differences li').length).toBeGreaterThan(1);
  });

  it("names the page and shows its close() call stack when the page closed", () => {
    const s = new SocketScript(0, 1, T0).created('ws://chat.test/x').open().closeRequested(1000, 'done', 'at leave (http://app.test/app.js:40:7)').closed(1000, 'done');
    renderPanel({ records: s.records, navigation: { selectedKey: KEY, detailTab: 'close' } });
    expect(screen.getByTestId('initiator').getAttribute('data-initiator')).toBe('page');
    expect(screen.getByTestId('close-stack').textContent).toBe('at leave (http://app.test/app.js:40:7)');
    fireEvent.click(screen.getByTestId('close-call-link'));
    const selected = screen.getAllByTestId('frame-row').filter((r) => r.getAttribute('aria-selected') === 'true');
    expect(selected.map((r) => r.getAttribute('data-seq'))).toEqual(['3']);
  });

  it('gives the certain library meaning of a 4xxx code and shows your own label', () => {
    const s = new SocketScript(0, 1, T0).created('ws://api.test/graphql', ['graphql-transport-ws']).open('graphql-transport-ws').sent('{"type":"subscribe"}').closed(4401, 'Unauthorized');
    renderPanel({
      records: s.records,
      navigation: { selectedKey: KEY, detailTab: 'close' },
      settings: { codeLabels: { 4401: 'Login expired' } },
    });
    const meanings = screen.getAllByTestId('app-meaning');
    expect(meanings[0]!.getAttribute('data-certain')).toBe('true');
    expect(meanings[0]!.textContent).toContain('graphql-ws');
    expect(within(screen.getByTestId('close-card')).getByTestId('user-label').textContent).toBe('Login expired');
    const row = screen.getByTestId('connection-row');
    expect(row.querySelector('.close-badge-name')!.textContent).toBe('Login expired');
  });
});
