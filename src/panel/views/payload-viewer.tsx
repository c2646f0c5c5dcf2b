// A frame's payload: Text, JSON (when it parses) or Hex, with a copy button,
// and a note when the hook kept only a preview.

import { useMemo, useState } from 'preact/hooks';
import { usePanel } from '../context';
import { CopyButton } from '../components/copy-button';
import { HexDump } from '../components/hex-dump';
import { Tabs, type TabItem } from '../components/tabs';
import { bytesFromHex, bytesOfText, hexDumpText, prettyJson } from '../logic/hex';
import type { PageRecordOf } from '../../protocol/records';

type Mode = 'text' | 'json' | 'hex';
type FrameRecord = PageRecordOf<'sent'> | PageRecordOf<'received'>;

export function PayloadViewer({ record }: { record: FrameRecord }) {
  const { t } = usePanel();
  const isText = record.kind === 'text';
  const json = useMemo(() => (isText ? prettyJson(record.preview) : null), [record]);
  const bytes = useMemo(() => (isText ? bytesOfText(record.preview) : bytesFromHex(record.preview)), [record]);
  const [mode, setMode] = useState<Mode>(json !== null ? 'json' : isText ? 'text' : 'hex');

  const modes: TabItem<Mode>[] = [
    ...(isText ? [{ id: 'text' as const, label: t('view_text') }] : []),
    ...(json !== null ? [{ id: 'json' as const, label: t('view_json') }] : []),
    { id: 'hex' as const, label: t('view_hex') },
  ];
  const copyValue = mode === 'json' ? json ?? '' : mode === 'hex' ? hexDumpText(bytes) : record.preview;

  return (
    <div class="payload">
      <div class="payload-bar">
        <Tabs items={modes} selected={mode} onSelect={(id) => setMode(id)} label={t('payload_view')} idPrefix="payload" class="payload-tabs" />
        <span class="tb-spacer" />
        <CopyButton text={copyValue} label={t('copy_payload')} />
      </div>
      {record.truncated && (
        <p class="truncated-note" data-testid="truncated-note">{t('preview_truncated', record.size)}</p>
      )}
      <div class="payload-body" id="payload-panel" role="tabpanel" data-testid="payload">
        {mode === 'hex' ? (
          <HexDump bytes={bytes} label={t('view_hex')} />
        ) : (
          <pre class="payload-text" data-testid={mode === 'json' ? 'payload-json' : 'payload-text'}>{mode === 'json' ? json : record.preview}</pre>
        )}
      </div>
    </div>
  );
}
