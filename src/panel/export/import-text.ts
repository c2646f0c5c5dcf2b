// One entry point for the toolbar's Import: tells our session JSON from a HAR
// log and imports either into fresh document ids, so an import never collides
// with live documents or with an earlier import.

import { importHarValue } from './har-import';
import { sessionDocIdPrefix } from './imported-documents';
import { parseImportText, type ImportFailure, type ImportResult } from './import-types';
import { importSessionValue, SESSION_FORMAT } from './session-json';

export interface ImportTextOptions {
  /** Distinct per import in this panel (1, 2, …): documents become 'import:<n>:…' or 'har:<n>'. */
  index: number;
  /** Preview size for frames read from HAR data (the capture setting). */
  previewChars?: number;
}

export function importText(text: string, options: ImportTextOptions): ImportResult | ImportFailure {
  const parsed = parseImportText(text);
  if ('error' in parsed) return parsed;
  const value = parsed.value as { format?: unknown } | null;
  if (value !== null && typeof value === 'object' && value.format === SESSION_FORMAT) {
    return importSessionValue(value, { docIdPrefix: sessionDocIdPrefix(options.index) });
  }
  const har: { index: number; previewChars?: number } = { index: options.index };
  if (options.previewChars !== undefined) har.previewChars = options.previewChars;
  return importHarValue(value, har);
}
