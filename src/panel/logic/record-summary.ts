// One line of text for a timeline record: a frame's preview, or what a
// control event (created, open, error, close request, closed) says.

import type { PageRecord } from '../../protocol/records';
import type { Translate } from '../i18n';

/** The kind column: a frame's payload kind, or the control event's name. */
export function recordKindLabel(record: PageRecord, t: Translate): string {
  switch (record.type) {
    case 'sent':
    case 'received':
      return record.kind;
    case 'created': return t('ev_created');
    case 'open': return t('ev_open');
    case 'error': return t('ev_error');
    case 'close-requested': return t('ev_close_requested');
    case 'closed': return t('ev_closed');
  }
}

export function closeCallText(code: number | null, reason: string): string {
  if (code === null) return 'close()';
  return reason ? `close(${code}, ${JSON.stringify(reason)})` : `close(${code})`;
}

export function recordSummary(record: PageRecord, t: Translate): string {
  switch (record.type) {
    case 'sent':
      if (record.thrown) return t('sum_send_threw', record.thrown, record.preview);
      return record.preview;
    case 'received':
      return record.preview;
    case 'created':
      return record.protocols.length > 0 ? t('sum_created_protocols', record.url, record.protocols.join(', ')) : t('sum_created', record.url);
    case 'open':
      return t('sum_open', record.protocol || '—', record.extensions || '—');
    case 'error':
      return t('sum_error');
    case 'close-requested': {
      const call = closeCallText(record.code, record.reason);
      return record.verdict.thrown ? t('sum_close_threw', call, record.verdict.thrown) : t('sum_close_requested', call);
    }
    case 'closed':
      return t(record.wasClean ? 'sum_closed_clean' : 'sum_closed_unclean', record.code, record.reason ? JSON.stringify(record.reason) : t('no_reason'));
  }
}
