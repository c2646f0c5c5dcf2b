// The capture toolbar: pause/resume, clear, preserve log, export/import and
// settings, like the top row of DevTools' Network panel.

import { useRef, useState } from 'preact/hooks';
import { usePanel } from '../context';
import type { ImportOutcome } from '../actions';
import type { MessageKey } from '../i18n';
import type { PanelState } from '../store/model';
import { SettingsPopover } from './settings-popover';

export function Toolbar({ state }: { state: PanelState }) {
  const { env, t, settings, setSettings } = usePanel();
  const { store, actions } = env;
  const fileInput = useRef<HTMLInputElement>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [importOutcome, setImportOutcome] = useState<ImportOutcome | null>(null);

  const togglePreserve = (on: boolean) => {
    const ui = { ...settings.ui, preserveLog: on };
    setSettings({ ...settings, ui });
    void env.settingsStorage.saveUi(ui);
  };

  return (
    <div class="toolbar" role="toolbar" aria-label={t('toolbar_label')}>
      <button
        type="button"
        class={`tb-btn tb-record ${state.paused ? '' : 'recording'}`}
        aria-pressed={!state.paused}
        aria-label={state.paused ? t('resume_capture') : t('pause_capture')}
        title={state.paused ? t('resume_capture') : t('pause_capture')}
        data-testid="pause-button"
        onClick={() => (state.paused ? store.resume() : store.pause())}
      >
        <span aria-hidden="true">{state.paused ? '▶' : '●'}</span>
      </button>
      <button type="button" class="tb-btn" aria-label={t('clear')} title={t('clear')} data-testid="clear-button" onClick={() => store.clear()}>
        <span aria-hidden="true">⊘</span>
      </button>
      <span class="tb-sep" />
      <label class="tb-check">
        <input
          type="checkbox"
          checked={settings.ui.preserveLog}
          data-testid="preserve-log"
          onChange={(e) => togglePreserve((e.currentTarget as HTMLInputElement).checked)}
        />
        {t('preserve_log')}
      </label>
      <span class="tb-sep" />
      <button type="button" class="tb-btn tb-text" data-testid="export-json" onClick={() => void actions.exportJson()}>
        {t('export_json')}
      </button>
      <button type="button" class="tb-btn tb-text" data-testid="export-har" onClick={() => void actions.exportHar()}>
        {t('export_har')}
      </button>
      <button type="button" class="tb-btn tb-text" data-testid="import-button" onClick={() => fileInput.current?.click()}>
        {t('import')}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept=".json,.har,application/json"
        class="visually-hidden"
        aria-label={t('import_file')}
        tabIndex={-1}
        data-testid="import-input"
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          if (file) {
            void Promise.resolve(actions.importFile(file)).then(
              (outcome) => setImportOutcome(outcome ?? null),
              () => setImportOutcome({ ok: false, messageKey: 'import_failed' }),
            );
          }
          input.value = '';
        }}
      />
      {importOutcome && (
        <span class={importOutcome.ok ? 'tb-status' : 'tb-status tb-error'} role="status" data-testid="import-status">
          {importOutcome.substitution === undefined
            ? t(importOutcome.messageKey as MessageKey)
            : t(importOutcome.messageKey as MessageKey, importOutcome.substitution)}
        </span>
      )}
      <span class="tb-spacer" />
      {state.paused && (
        <span class="tb-status" role="status" data-testid="paused-status">
          {t('paused_not_recorded', state.notRecorded)}
        </span>
      )}
      <div class="popover-anchor">
        <button
          type="button"
          class="tb-btn"
          aria-label={t('settings')}
          title={t('settings')}
          aria-expanded={settingsOpen}
          aria-haspopup="dialog"
          data-testid="settings-button"
          onClick={() => setSettingsOpen((o) => !o)}
        >
          <span aria-hidden="true">⚙</span>
        </button>
        {settingsOpen && <SettingsPopover onClose={() => setSettingsOpen(false)} />}
      </div>
    </div>
  );
}
