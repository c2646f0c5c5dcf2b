import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sampleStore } from './fixtures/sample-session';
import { exportHar } from './har-export';
import { importText, type ImportTextOptions } from './import-text';
import { isImportFailure, type ImportResult } from './import-types';
import { exportSession } from './session-json';

const CHROME_HAR = readFileSync(new URL('./fixtures/chrome-websockets.har', import.meta.url), 'utf8');

function ok(text: string, options: ImportTextOptions): ImportResult {
  const result = importText(text, options);
  if (isImportFailure(result)) throw new Error(result.error);
  return result;
}

describe('importText', () => {
  it('tells a session file from a HAR and gives each import fresh document ids', () => {
    const store = sampleStore();
    const session = ok(exportSession(store.getState()), { index: 1 });
    const ours = ok(exportHar(store.getState()), { index: 2 });
    const chrome = ok(CHROME_HAR, { index: 3 });
    expect(session.kind).toBe('session');
    expect(session.messages.map((m) => m.source.docId)).toEqual(['import:1:doc-top', 'import:1:doc-child']);
    expect(ours.kind).toBe('har');
    expect(ours.messages.map((m) => m.source.docId)).toEqual(['har:2/doc-top', 'har:2/doc-child']);
    expect(chrome.messages.map((m) => m.source.docId)).toEqual(['har:3']);
    // Into the live store, next to what it holds: nothing collides.
    for (const result of [session, ours, chrome]) for (const message of result.messages) store.applyRecords(message);
    expect(store.getState().connections).toHaveLength(3 + 3 + 3 + 2);
  });

  it('passes failures through', () => {
    expect(importText('', { index: 1 })).toEqual({ error: 'not-json' });
    expect(importText('[]', { index: 1 })).toEqual({ error: 'unknown-format' });
  });
});
