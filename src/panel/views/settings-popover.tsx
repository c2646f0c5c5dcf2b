// Settings: capture sizes (read by every relay from storage.local), labels
// for the user's own 4000–4999 codes, and the language.

import { useEffect, useRef, useState } from 'preact/hooks';
import { usePanel } from '../context';
import type { LocaleSetting } from '../i18n';
import { CAPTURE_SETTINGS_BOUNDS } from '../../protocol/settings';
import { CodeLabelsEditor } from './code-labels-editor';

export function SettingsPopover({ onClose }: { onClose(): void }) {
  const { env, t, settings, setSettings } = usePanel();
  const [previewChars, setPreviewChars] = useState(String(settings.capture.previewChars));
  const [bufferRecords, setBufferRecords] = useState(String(settings.capture.bufferRecords));
  const [saved, setSaved] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    root.current?.querySelector<HTMLElement>('input, select, button')?.focus();
    // A press outside the popover (and its toolbar button) closes it.
    const onDown = (e: MouseEvent) => {
      const anchor = root.current?.parentElement;
      if (anchor && e.target instanceof Node && !anchor.contains(e.target)) onClose();
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, []);

  const saveCapture = async (e: Event) => {
    e.preventDefault();
    const capture = await env.settingsStorage.saveCapture({
      previewChars: Number(previewChars),
      bufferRecords: Number(bufferRecords),
    });
    setPreviewChars(String(capture.previewChars));
    setBufferRecords(String(capture.bufferRecords));
    setSettings({ ...settings, capture });
    setSaved(true);
  };

  const setLocale = (locale: LocaleSetting) => {
    const ui = { ...settings.ui, locale };
    setSettings({ ...settings, ui });
    void env.settingsStorage.saveUi(ui);
  };

  return (
    <div
      ref={root}
      class="popover"
      role="dialog"
      aria-label={t('settings')}
      data-testid="settings-popover"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div class="popover-head">
        <strong>{t('settings')}</strong>
        <button type="button" class="btn btn-small" aria-label={t('close_settings')} onClick={onClose}>✕</button>
      </div>
      <label class="field">
        <span>{t('language')}</span>
        <select
          value={settings.ui.locale}
          data-testid="language-select"
          onChange={(e) => setLocale((e.currentTarget as HTMLSelectElement).value as LocaleSetting)}
        >
          <option value="auto">{t('language_auto')}</option>
          <option value="en">English</option>
          <option value="ja">日本語</option>
        </select>
      </label>
      <form class="popover-section" onSubmit={saveCapture}>
        <h3>{t('capture_settings')}</h3>
        <label class="field">
          <span>{t('preview_chars')}</span>
          <input
            type="number"
            min={CAPTURE_SETTINGS_BOUNDS.previewChars.min}
            max={CAPTURE_SETTINGS_BOUNDS.previewChars.max}
            value={previewChars}
            data-testid="preview-chars"
            onInput={(e) => { setPreviewChars((e.currentTarget as HTMLInputElement).value); setSaved(false); }}
          />
        </label>
        <label class="field">
          <span>{t('buffer_records')}</span>
          <input
            type="number"
            min={CAPTURE_SETTINGS_BOUNDS.bufferRecords.min}
            max={CAPTURE_SETTINGS_BOUNDS.bufferRecords.max}
            value={bufferRecords}
            data-testid="buffer-records"
            onInput={(e) => { setBufferRecords((e.currentTarget as HTMLInputElement).value); setSaved(false); }}
          />
        </label>
        <p class="hint">{t('capture_settings_hint')}</p>
        <div class="row-end">
          {saved && <span class="hint" role="status">{t('saved')}</span>}
          <button type="submit" class="btn" data-testid="save-capture">{t('save')}</button>
        </div>
      </form>
      <CodeLabelsEditor />
    </div>
  );
}
