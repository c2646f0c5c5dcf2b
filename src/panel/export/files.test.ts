// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sampleStore } from './fixtures/sample-session';
import { downloadText, exportFileName, importFile, readFileText } from './files';
import { exportSession } from './session-json';

afterEach(() => vi.restoreAllMocks());

describe('files', () => {
  it('downloads through a temporary <a download> with an object URL of the text', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:panel/1';
    });
    const clicks: Array<{ href: string; download: string; attached: boolean }> = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download, attached: this.isConnected });
    });
    downloadText('wsci-session.json', '{"a":"é"}', 'application/json');
    expect(clicks).toEqual([{ href: 'blob:panel/1', download: 'wsci-session.json', attached: true }]);
    expect(document.querySelectorAll('a')).toHaveLength(0);
    expect(blobs[0]!.type).toBe('application/json');
    expect(await blobs[0]!.text()).toBe('{"a":"é"}');
  });

  it('reads a picked file and imports it', async () => {
    const text = exportSession(sampleStore().getState());
    const file = new File([text], 'session.json', { type: 'application/json' });
    expect(await readFileText(file)).toBe(text);
    const result = await importFile(file, { index: 5 });
    expect('messages' in result && result.messages.map((m) => m.source.docId)).toEqual(['import:5:doc-top', 'import:5:doc-child']);
  });

  it('names exports by kind and time, without colons', () => {
    const now = new Date('2026-05-01T12:30:05.123Z');
    expect(exportFileName('json', now)).toBe('wsci-session-2026-05-01T12-30-05.json');
    expect(exportFileName('har', now)).toBe('wsci-websockets-2026-05-01T12-30-05.har');
  });
});
