import { describe, expect, it } from 'vitest';
import { CAPTURE_SETTINGS_KEY } from '../protocol/settings';
import { CODE_LABELS_KEY, UI_SETTINGS_KEY, createSettingsStorage, memoryStorageArea, readCodeLabels } from './settings-storage';

describe('settings storage', () => {
  it('saves capture settings under the key the relays read, clamped', async () => {
    const area = memoryStorageArea();
    const storage = createSettingsStorage(area);
    expect(await storage.saveCapture({ previewChars: 99_999_999, bufferRecords: 500 })).toEqual({ previewChars: 65_536, bufferRecords: 500 });
    expect((await area.get([CAPTURE_SETTINGS_KEY]))[CAPTURE_SETTINGS_KEY]).toEqual({ previewChars: 65_536, bufferRecords: 500 });
    expect((await storage.load()).capture).toEqual({ previewChars: 65_536, bufferRecords: 500 });
  });

  it('keeps labels only for 4000–4999, and UI settings with defaults', async () => {
    const area = memoryStorageArea({ [CODE_LABELS_KEY]: { 4001: ' Kicked ', 1000: 'no', 4002: 7, 5000: 'no' }, [UI_SETTINGS_KEY]: { locale: 'xx' } });
    const loaded = await createSettingsStorage(area).load();
    expect(loaded.codeLabels).toEqual({ 4001: 'Kicked' });
    expect(loaded.ui).toEqual({ locale: 'auto', preserveLog: true });
    expect(readCodeLabels(null)).toEqual({});
  });

  it('falls back to defaults when storage fails', async () => {
    const broken = { get: () => Promise.reject(new Error('no storage')), set: () => Promise.resolve() };
    expect((await createSettingsStorage(broken).load()).capture.previewChars).toBe(1024);
  });
});
