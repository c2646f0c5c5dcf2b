// A small "Copy" button that says "Copied" for a moment.

import { useEffect, useState } from 'preact/hooks';
import { usePanel } from '../context';
import { copyText } from '../logic/clipboard';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = usePanel();
  const [status, setStatus] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (status === 'idle') return;
    const timer = setTimeout(() => setStatus('idle'), 1500);
    return () => clearTimeout(timer);
  }, [status]);
  return (
    <button
      type="button"
      class="btn btn-small"
      aria-label={label}
      title={label}
      data-testid="copy-button"
      onClick={async () => setStatus((await copyText(text)) ? 'copied' : 'failed')}
    >
      {status === 'copied' ? t('copy_done') : status === 'failed' ? t('copy_failed') : t('copy')}
    </button>
  );
}
