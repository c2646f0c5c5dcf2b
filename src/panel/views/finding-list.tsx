// The findings of one record (lone surrogates, binary strings, bad close()
// arguments…), each with its message in the panel's language.

import { usePanel } from '../context';
import { SeverityIcon } from '../components/severity-icon';
import type { Finding } from '../../core/types';

export function FindingList({ findings }: { findings: readonly Finding[] }) {
  const { t, locale } = usePanel();
  return (
    <ul class="finding-list" aria-label={t('record_findings')}>
      {findings.map((f, i) => (
        <li key={`${f.kind}:${i}`} class={`finding sev-${f.severity}`}>
          <SeverityIcon severity={f.severity} t={t} />
          <strong>{t(`finding_${kindKey(f.kind)}`)}</strong> <span>{f.message[locale]}</span>
        </li>
      ))}
    </ul>
  );
}

/** Finding kinds as message keys ('lone-surrogate' → 'lone_surrogate'). */
export function kindKey<K extends string>(kind: K): Replace<K> {
  return kind.replace(/-/g, '_') as Replace<K>;
}

type Replace<S extends string> = S extends `${infer A}-${infer B}` ? `${A}_${Replace<B>}` : S;
