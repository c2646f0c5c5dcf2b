// The close badge: code and a short name, coloured by the code's severity.
// A label the user gave a 4000–4999 code wins over the generic name.

import { describeCloseCode } from '../../core/describe-close-code';
import { usePanel } from '../context';

export interface CloseBadgeProps {
  code: number;
  protocol?: string;
  url?: string;
  /** data-testid of the code span (the connection row uses 'close-code'). */
  codeTestId?: string;
}

export function CloseBadge({ code, protocol, url, codeTestId }: CloseBadgeProps) {
  const { locale, settings } = usePanel();
  const info = describeCloseCode(code, { locale, protocol, url });
  const certain = info.appMeanings.find((m) => m.certain);
  const userLabel = settings.codeLabels[code];
  const short = userLabel ?? certain?.meaning ?? info.title;
  const title = [`${code} ${info.name}`, userLabel, certain && `${certain.library}: ${certain.meaning}`].filter(Boolean).join(' — ');
  return (
    <span class={`close-badge sev-${info.severity}`} title={title}>
      <span class="close-badge-code" data-testid={codeTestId}>{code}</span>
      <span class="close-badge-name">{short}</span>
    </span>
  );
}
