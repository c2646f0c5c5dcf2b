// What every import returns: records for the store, a count of what failed
// the guards, and the network evidence the file carried.

import type { NetworkEvidence } from '../network/types';
import type { RecordsMessage } from '../store/connection-store';

export interface ImportResult {
  kind: 'session' | 'har';
  /** Feed each to `store.applyRecords`, in order. */
  messages: RecordsMessage[];
  /** Records, frames or entries that failed the guards and were dropped. */
  rejected: number;
  /** Network evidence per connection key (`${docId}:${socket}`) of the imported connections. */
  network: Map<string, NetworkEvidence>;
}

export type ImportErrorCode = 'too-large' | 'not-json' | 'unknown-format' | 'unsupported-version' | 'no-websockets';

export interface ImportFailure {
  error: ImportErrorCode;
}

export function isImportFailure(value: ImportResult | ImportFailure): value is ImportFailure {
  return 'error' in value;
}

/** Larger files are refused unread (the panel would not hold them anyway). */
export const MAX_IMPORT_CHARS = 256 * 1024 * 1024;

export function parseImportText(text: string): { value: unknown } | ImportFailure {
  if (text.length > MAX_IMPORT_CHARS) return { error: 'too-large' };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { error: 'not-json' };
  }
}
