// The network evidence of one connection, or the reason there is none, so the
// close card can say what Chrome's network log shows or why it shows nothing.

import type { NetworkEvidence as DiagnosisNetwork } from '../../core/diagnosis/types';
import type { Locale } from '../../core/types';
import type { DocumentSource } from '../../protocol/envelope';
import { isImportedSource } from '../export/imported-documents';
import type { NetworkContext, NetworkEvidence, NetworkUnavailable, NetworkUnavailableReason } from './types';

interface ConnectionLike {
  key: string;
  source: DocumentSource;
  createdAt: number;
  close: { time: number } | null;
}

export function networkEvidenceFor(
  connection: ConnectionLike,
  evidence: ReadonlyMap<string, NetworkEvidence>,
  context: NetworkContext,
): NetworkEvidence | NetworkUnavailable {
  const found = evidence.get(connection.key);
  if (found) return found;
  const unavailable = (reason: NetworkUnavailableReason): NetworkUnavailable => ({ unavailable: reason });
  if (isImportedSource(connection.source)) return unavailable('imported');
  if (context.browser === 'firefox') return unavailable('firefox');
  if (!context.devtools) return unavailable('not-in-devtools');
  if (context.since !== null && connection.createdAt < context.since) {
    const closedBefore = connection.close !== null && connection.close.time < context.since;
    return unavailable(closedBefore ? 'closed-before-devtools' : 'opened-before-devtools');
  }
  return unavailable('not-found');
}

const TEXT: Record<NetworkUnavailableReason, { en: string; ja: string }> = {
  firefox: {
    en: "Firefox does not give extensions the browser's WebSocket error messages or handshake status (its HAR has no _webSocketMessages).",
    ja: 'Firefox は WebSocket のエラーメッセージやハンドシェイクのステータスを拡張機能に提供しません（HAR に _webSocketMessages がありません）。',
  },
  'not-in-devtools': {
    en: "The panel is open as a tab, where Chrome's network log is not available: open it in DevTools to see the handshake status and the browser's error messages.",
    ja: 'パネルがタブとして開かれているため、Chrome のネットワークログを利用できません。ハンドシェイクのステータスやブラウザーのエラーメッセージを見るには DevTools で開いてください。',
  },
  'closed-before-devtools': {
    en: "The socket connected and closed before DevTools was open, so Chrome's network log never saw it.",
    ja: 'ソケットは DevTools を開く前に接続して閉じたため、Chrome のネットワークログに記録されていません。',
  },
  'opened-before-devtools': {
    en: "The socket connected before DevTools was open (or before the network log was last cleared), so Chrome's network log has no entry for it.",
    ja: 'ソケットは DevTools を開く前（またはネットワークログが最後にクリアされる前）に接続したため、Chrome のネットワークログに記録がありません。',
  },
  'not-found': {
    en: "Chrome's network log has no entry for this socket yet (Chrome reports a WebSocket when it ends).",
    ja: 'Chrome のネットワークログにはまだこのソケットの記録がありません（Chrome は WebSocket を終了時に報告します）。',
  },
  imported: {
    en: 'The imported file holds no network log for this socket.',
    ja: '読み込んだファイルには、このソケットのネットワークログが含まれていません。',
  },
};

/** What to show (and what the diagnosis quotes) for a missing network log. */
export function networkUnavailableText(reason: NetworkUnavailableReason, locale: Locale): string {
  return TEXT[reason][locale];
}

/**
 * The diagnosis input's `network` field: the evidence, or the reason in words
 * (the diagnosis quotes `unavailable` verbatim on the close card).
 */
export function diagnosisNetworkFor(
  connection: ConnectionLike,
  evidence: ReadonlyMap<string, NetworkEvidence>,
  context: NetworkContext,
  locale: Locale,
): DiagnosisNetwork {
  const result = networkEvidenceFor(connection, evidence, context);
  return 'unavailable' in result ? { unavailable: networkUnavailableText(result.unavailable, locale) } : result;
}
