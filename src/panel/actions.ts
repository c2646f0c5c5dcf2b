// What the toolbar's export and import buttons do. The lead wires these to
// src/panel/export/ (JSON, HAR) and src/panel/network/ (HAR evidence); the
// panel only calls them.

import type { Locale } from '../core/types';
import type { NetworkEvidence } from '../core/diagnosis/types';
import type { Connection } from './store/model';

export interface PanelActions {
  exportJson(): void | Promise<void>;
  exportHar(): void | Promise<void>;
  /** Imports a picked file; resolves to what the toolbar should say about it. */
  importFile(file: File): void | Promise<ImportOutcome | void>;
  /** What the browser's network log says about a connection (Chrome HAR), when known. */
  networkEvidence?(connection: Connection, locale: Locale): NetworkEvidence | undefined;
}

/** A finished import: a message key of _locales and its substitution. */
export interface ImportOutcome {
  ok: boolean;
  messageKey: string;
  substitution?: string | number;
}

/** Until the lead wires them: buttons render and do nothing. */
export const NO_ACTIONS: PanelActions = {
  exportJson() {},
  exportHar() {},
  importFile() {},
};
