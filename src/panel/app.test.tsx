import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { feed, renderPanel } from './test-support/render-panel';
import { SocketScript, T0 } from './test-support/records';
import { CAPTURE_SETTINGS_KEY } from '../protocol/settings';
import { CODE_LABELS_KEY, UI_SETTINGS_KEY } from './settings-storage';

afterEach(cleanup);

const closed1008 = () => new SocketScript(0, 1, T0).created('ws://chat.test/a').open().closed(1008, 'rate limit exceeded').records;

describe('language', () => {
  it('switches to Japanese from the settings, down to the diagnosis and close-code text', async () => {
    const { storageArea } = renderPanel({ records: closed1008(), navigation: { selectedKey: 'doc-top:1', detailTab: 'close' } });
    expect(screen.getByTestId('view-connections').textContent).toBe('Connections (1)');
    fireEvent.click(screen.getByTestId('settings-button'));
    fireEvent.change(screen.getByTestId('language-select'), { target: { value: 'ja' } });
    expect(screen.getByTestId('view-connections').textContent).toBe('接続 (1)');
    expect(screen.getByTestId('view-reference').textContent).toBe('リファレンス');
    const card = screen.getByTestId('close-card');
    expect(within(card).getByText('考えられる原因')).toBeTruthy();
    expect(within(card).getByTestId('initiator-label').textContent).toBe('サーバー (またはプロキシ)');
    expect(within(card).getByTestId('code-summary').textContent).toMatch(/[ぁ-んァ-ン一-龯]/);
    expect(document.documentElement.lang).toBe('ja');
    await waitFor(async () => expect((await storageArea.get([UI_SETTINGS_KEY]))[UI_SETTINGS_KEY]).toMatchObject({ locale: 'ja' }));
  });

  it('follows a Japanese browser by default, and the setting overrides it', () => {
    renderPanel({ records: closed1008(), uiLanguage: 'ja' });
    expect(screen.getByTestId('view-connections').textContent).toBe('接続 (1)');
    expect(screen.getByTestId('connection-state').textContent).toBe('クローズ済み');
    cleanup();
    renderPanel({ records: closed1008(), uiLanguage: 'ja', settings: { ui: { locale: 'en', preserveLog: true } } });
    expect(screen.getByTestId('view-connections').textContent).toBe('Connections (1)');
  });
});

describe('toolbar', () => {
  it('pauses capture (counting what is not recorded), resumes, and clears', () => {
    const { store } = renderPanel({ records: closed1008() });
    fireEvent.click(screen.getByTestId('pause-button'));
    feed(store, new SocketScript(10, 2, T0 + 100).created('ws://x.test/').open().records);
    expect(screen.getByTestId('paused-status').textContent).toBe('Paused: 2 not recorded');
    expect(screen.getAllByTestId('connection-row')).toHaveLength(1);
    fireEvent.click(screen.getByTestId('pause-button'));
    expect(screen.queryByTestId('paused-status')).toBeNull();
    fireEvent.click(screen.getByTestId('clear-button'));
    expect(screen.queryAllByTestId('connection-row')).toHaveLength(0);
  });

  it('stores preserve log, capture settings and code labels in storage.local', async () => {
    const { storageArea, store } = renderPanel();
    fireEvent.click(screen.getByTestId('preserve-log'));
    expect(store.getState().preserveLog).toBe(false);
    fireEvent.click(screen.getByTestId('settings-button'));
    fireEvent.input(screen.getByTestId('preview-chars'), { target: { value: '64' } });
    fireEvent.input(screen.getByTestId('buffer-records'), { target: { value: '2000' } });
    fireEvent.click(screen.getByTestId('save-capture'));
    fireEvent.input(screen.getByTestId('label-code'), { target: { value: '4321' } });
    fireEvent.input(screen.getByTestId('label-text'), { target: { value: 'Room full' } });
    fireEvent.click(screen.getByTestId('label-add'));
    await waitFor(async () => {
      const items = await storageArea.get([CAPTURE_SETTINGS_KEY, CODE_LABELS_KEY, UI_SETTINGS_KEY]);
      expect(items).toEqual({
        [CAPTURE_SETTINGS_KEY]: { previewChars: 64, bufferRecords: 2000 },
        [CODE_LABELS_KEY]: { 4321: 'Room full' },
        [UI_SETTINGS_KEY]: { locale: 'auto', preserveLog: false },
      });
    });
    expect(within(screen.getByTestId('code-labels')).getByText('Room full')).toBeTruthy();
    fireEvent.keyDown(screen.getByTestId('settings-popover'), { key: 'Escape' });
    expect(screen.queryByTestId('settings-popover')).toBeNull();
    fireEvent.click(screen.getByTestId('settings-button'));
    fireEvent.mouseDown(screen.getByTestId('panel'));
    expect(screen.queryByTestId('settings-popover')).toBeNull();
  });

  it('calls the export and import actions', () => {
    const actions = { exportJson: vi.fn(), exportHar: vi.fn(), importFile: vi.fn() };
    renderPanel({ actions });
    fireEvent.click(screen.getByTestId('export-json'));
    fireEvent.click(screen.getByTestId('export-har'));
    const file = new File(['{}'], 'session.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('import-input'), { target: { files: [file] } });
    expect(actions.exportJson).toHaveBeenCalledTimes(1);
    expect(actions.exportHar).toHaveBeenCalledTimes(1);
    expect(actions.importFile).toHaveBeenCalledWith(file);
  });
});
