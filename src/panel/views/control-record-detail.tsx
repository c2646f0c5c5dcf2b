// Detail of a control event: the socket's creation (URL, subprotocols, where
// the page created it), a close() call (arguments, verdict, stack), the close.

import { usePanel } from '../context';
import { CopyButton } from '../components/copy-button';
import { closeCallText } from '../logic/record-summary';
import type { PageRecord } from '../../protocol/records';
import { utf8ByteLength } from '../../core/utf8';

export function ControlRecordDetail({ record }: { record: PageRecord }) {
  const { t } = usePanel();
  const rows: [string, string][] = [];
  let stack = '';
  switch (record.type) {
    case 'created':
      rows.push([t('field_url'), record.url], [t('field_protocols'), record.protocols.join(', ') || '—'], [t('field_document'), record.frameUrl]);
      stack = record.stack;
      break;
    case 'open':
      rows.push([t('field_protocol'), record.protocol || '—'], [t('field_extensions'), record.extensions || '—']);
      break;
    case 'error':
      rows.push([t('field_event'), t('sum_error')]);
      break;
    case 'close-requested':
      rows.push(
        [t('field_call'), closeCallText(record.code, record.reason)],
        [t('field_reason_bytes'), String(record.reasonBytes)],
        [t('field_outcome'), record.verdict.thrown ? t('close_call_threw', record.verdict.thrown) : t('close_call_ok')],
      );
      if (record.verdict.predicted) rows.push([t('field_predicted'), record.verdict.predicted]);
      stack = record.stack;
      break;
    case 'closed':
      rows.push(
        [t('field_code'), String(record.code)],
        [t('field_reason'), record.reason || t('no_reason')],
        [t('field_reason_bytes'), String(utf8ByteLength(record.reason))],
        [t('field_was_clean'), String(record.wasClean)],
      );
      break;
    default:
      break;
  }
  return (
    <div class="control-detail">
      <dl class="kv">
        {rows.map(([k, v]) => (
          <div key={k} class="kv-row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {stack && (
        <div class="stack-block">
          <div class="payload-bar">
            <strong>{t('call_stack')}</strong>
            <span class="tb-spacer" />
            <CopyButton text={stack} label={t('copy_stack')} />
          </div>
          <pre class="stack" data-testid="stack">{stack}</pre>
        </div>
      )}
    </div>
  );
}
