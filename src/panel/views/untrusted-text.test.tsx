// Everything a page sends is shown as text: payloads, reasons, URLs, stacks.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { renderPanel } from '../test-support/render-panel';
import { SocketScript, T0 } from '../test-support/records';

afterEach(cleanup);

const EVIL = '<img src=x onerror="window.__pwned=1">';

describe('untrusted text', () => {
  it('renders HTML in a URL, payload, reason and stack as text, and makes no element of it', () => {
    const s = new SocketScript(0, 1, T0)
      .created(`javascript:alert(1)//${EVIL}`, [], `at ${EVIL}`)
      .open(EVIL)
      .sent(EVIL)
      .received(`{"html":"${EVIL.replace(/"/g, '\\"')}"}`)
      .closeRequested(4000, EVIL, `at ${EVIL}`)
      .closed(4000, EVIL);
    const { container } = renderPanel({ records: s.records, navigation: { selectedKey: 'doc-top:1', detailTab: 'close' } });
    expect(screen.getByTestId('close-reason').textContent).toBe(EVIL);
    expect(screen.getByTestId('card-close-reason').textContent).toBe(EVIL);
    fireEvent.click(screen.getByTestId('tab-frames'));
    for (const seq of ['1', '3', '4', '5']) {
      fireEvent.click(screen.getAllByTestId('frame-row').find((r) => r.getAttribute('data-seq') === seq)!);
      expect(screen.getByTestId('frame-detail').textContent).toContain('<img src=x');
    }
    expect(container.querySelectorAll('img')).toHaveLength(0);
    expect(container.querySelectorAll('a[href^="javascript:"], [href^="javascript:"]')).toHaveLength(0);
    expect(document.querySelectorAll('[onerror]')).toHaveLength(0);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
