// Runs in the panel page. The toolbar's export and import, and the network
// evidence the close card quotes: wires src/panel/export/ and
// src/panel/network/ to the store.

import browser, { TARGET_BROWSER } from '../platform/browser-api';
import type { NetworkEvidence as DiagnosisNetwork } from '../core/diagnosis/types';
import type { Locale } from '../core/types';
import type { PanelActions } from './actions';
import { downloadText, EXPORT_MIME, exportFileName, exportHar, exportSession, importFile, isImportFailure } from './export';
import { diagnosisNetworkFor } from './network/network-evidence-for';
import { matchNetworkEvidence } from './network/match-network-evidence';
import { startNetworkCapture } from './network/devtools-network';
import type { NetworkEvidence } from './network/types';
import type { ConnectionStore } from './store/connection-store';
import type { Connection } from './store/model';

export function createPanelActions(store: ConnectionStore, previewChars: () => number): PanelActions {
  const network = startNetworkCapture();
  const imported = new Map<string, NetworkEvidence>();
  let live = new Map<string, NetworkEvidence>();
  let matchedKey = '';
  let importCount = 0;
  /** Per connection and locale, so the close card's memo sees a stable object. */
  let answers = new Map<string, DiagnosisNetwork>();

  // Re-match only when sockets or network entries come or go, not on every frame.
  const rematch = () => {
    const { connections } = store.getState();
    const entries = network.entries();
    const key = `${connections.length}:${connections.filter((c) => c.state === 'closed').length}:${entries.length}`;
    if (key === matchedKey) return;
    matchedKey = key;
    live = matchNetworkEvidence(connections, entries);
    answers = new Map();
  };
  store.subscribe(rematch);
  network.subscribe(rematch);

  const evidence = () => (imported.size === 0 ? live : new Map([...live, ...imported]));
  const context = () => ({ browser: TARGET_BROWSER, devtools: network.available, since: network.since() });

  return {
    exportJson() {
      downloadText(exportFileName('json'), exportSession(store.getState(), { network: evidence() }), EXPORT_MIME.json);
    },
    exportHar() {
      const text = exportHar(store.getState(), { network: evidence(), creatorVersion: browser.runtime.getManifest().version });
      downloadText(exportFileName('har'), text, EXPORT_MIME.har);
    },
    async importFile(file: File) {
      const result = await importFile(file, { index: ++importCount, previewChars: previewChars() });
      if (isImportFailure(result)) return { ok: false, messageKey: `import_error_${result.error.replace(/-/g, '_')}` };
      for (const message of result.messages) store.applyRecords(message);
      for (const [key, value] of result.network) imported.set(key, value);
      answers = new Map();
      const connections = result.messages.reduce((n, m) => n + m.records.filter((r) => r.type === 'created').length, 0);
      return result.rejected > 0
        ? { ok: true, messageKey: 'import_done_rejected', substitution: result.rejected }
        : { ok: true, messageKey: 'import_done', substitution: connections };
    },
    networkEvidence(connection: Connection, locale: Locale) {
      const key = `${connection.key}:${locale}`;
      let answer = answers.get(key);
      if (!answer) {
        answer = diagnosisNetworkFor(connection, evidence(), context(), locale);
        answers.set(key, answer);
      }
      return answer;
    },
  };
}
