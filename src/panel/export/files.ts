// Runs in the panel page: saving an export through a temporary <a download>
// (no downloads permission needed) and reading a file the user picked.

import { importText, type ImportTextOptions } from './import-text';
import { MAX_IMPORT_CHARS, type ImportFailure, type ImportResult } from './import-types';

/** How long the object URL outlives the click: the download must have started by then. */
const REVOKE_AFTER_MS = 60_000;

export function downloadText(filename: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

export function readFileText(file: Blob): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file);
  });
}

/** 'wsci-session-2026-05-01T12-30-05.json' or '….har': sortable, no characters a file system refuses. */
export function exportFileName(kind: 'json' | 'har', now = new Date()): string {
  const stamp = now.toISOString().slice(0, 19).replace(/:/g, '-');
  return kind === 'json' ? `wsci-session-${stamp}.json` : `wsci-websockets-${stamp}.har`;
}

export const EXPORT_MIME = { json: 'application/json', har: 'application/json' } as const;

/** Reads and imports a picked file (session JSON or HAR). Files over the limit are refused unread. */
export async function importFile(file: Blob, options: ImportTextOptions): Promise<ImportResult | ImportFailure> {
  // A UTF-8 file has at least as many bytes as characters.
  if (file.size > MAX_IMPORT_CHARS * 3) return { error: 'too-large' };
  return importText(await readFileText(file), options);
}
