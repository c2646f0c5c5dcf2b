// A small round severity mark drawn with CSS (no emoji font needed).

import type { Translate } from '../i18n';

export function SeverityIcon({ severity, t, label }: { severity: 'error' | 'warning' | 'info'; t: Translate; label?: string }) {
  return (
    <span class={`sev-icon sev-${severity}`} role="img" aria-label={label ?? t(`severity_${severity}`)} title={label}>
      {severity === 'info' ? 'i' : '!'}
    </span>
  );
}
