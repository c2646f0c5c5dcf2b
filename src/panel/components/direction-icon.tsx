// ↑ sent / ↓ received, with an accessible name.

import type { Translate } from '../i18n';
import { usePanel } from '../context';

/** For rows rendered in bulk: takes `t` as a prop instead of reading context. */
export function DirectionIconPlain({ direction, t }: { direction: 'sent' | 'received'; t: Translate }) {
  const label = direction === 'sent' ? t('dir_sent') : t('dir_received');
  return (
    <span class={`dir dir-${direction}`} role="img" aria-label={label} title={label}>
      {direction === 'sent' ? '↑' : '↓'}
    </span>
  );
}

export function DirectionIcon({ direction }: { direction: 'sent' | 'received' }) {
  const { t } = usePanel();
  return <DirectionIconPlain direction={direction} t={t} />;
}
