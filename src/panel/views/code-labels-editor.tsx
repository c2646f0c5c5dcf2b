// Your own names for 4000–4999 codes: shown on badges and in the close card.

import { useState } from 'preact/hooks';
import { usePanel } from '../context';
import { isPrivateCode, type CodeLabels } from '../settings-storage';

export function CodeLabelsEditor() {
  const { env, t, settings, setSettings } = usePanel();
  const [code, setCode] = useState('');
  const [label, setLabel] = useState('');
  const valid = isPrivateCode(Number(code)) && label.trim() !== '';

  const save = async (labels: CodeLabels) => {
    const codeLabels = await env.settingsStorage.saveCodeLabels(labels);
    setSettings({ ...settings, codeLabels });
  };
  const add = (e: Event) => {
    e.preventDefault();
    if (!valid) return;
    void save({ ...settings.codeLabels, [Number(code)]: label.trim() });
    setCode('');
    setLabel('');
  };
  const remove = (c: number) => {
    const next: Record<number, string> = { ...settings.codeLabels };
    delete next[c];
    void save(next);
  };
  const entries = Object.entries(settings.codeLabels).map(([c, l]) => [Number(c), l] as const).sort((a, b) => a[0] - b[0]);

  return (
    <form class="popover-section" onSubmit={add}>
      <h3>{t('code_labels')}</h3>
      <p class="hint">{t('code_labels_hint')}</p>
      <ul class="label-list" data-testid="code-labels">
        {entries.map(([c, l]) => (
          <li key={c}>
            <span class="mono">{c}</span> <span>{l}</span>
            <button type="button" class="btn btn-small" aria-label={t('remove_label', c)} onClick={() => remove(c)}>✕</button>
          </li>
        ))}
      </ul>
      <div class="label-add">
        <input
          type="number"
          min={4000}
          max={4999}
          placeholder="4000"
          aria-label={t('label_code')}
          value={code}
          data-testid="label-code"
          onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
        />
        <input
          type="text"
          maxLength={80}
          placeholder={t('label_text_placeholder')}
          aria-label={t('label_text')}
          value={label}
          data-testid="label-text"
          onInput={(e) => setLabel((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="btn" disabled={!valid} data-testid="label-add">{t('add')}</button>
      </div>
    </form>
  );
}
