// What the toolbar's export and import buttons do. The lead wires these to
// src/panel/export/ (JSON, HAR) and src/panel/network/ (HAR evidence); the
// panel only calls them.

import type { NetworkEvidence } from '../core/diagnosis/types';
import type { Connection } from './store/model';

export interface PanelActions {
  exportJson(): void | Promise<void>;
  exportHar(): void | Promise<void>;
  importFile(file: File): void | Promise<void>;
  /** What the browser's network log says about a connection (Chrome HAR), when known. */
  networkEvidence?(connection: Connection): NetworkEvidence | undefined;
}

/** Until the lead wires them: buttons render and do nothing. */
export const NO_ACTIONS: PanelActions = {
  exportJson() {},
  exportHar() {},
  importFile() {},
};
