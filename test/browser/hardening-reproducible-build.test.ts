// The build is reproducible: two builds of the same sources into two folders
// give byte-identical files for both browsers, so the store archives
// (`npm run package`) can be rebuilt by a reviewer and compared by hash.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderFiles } from '../../src/build/release-files';
import { writeZip } from '../../src/build/zip';

const root = resolve('.tmp');
const folders: string[] = [];

function build(): string {
  const dist = mkdtempSync(join(root, 'repro-'));
  folders.push(dist);
  for (const mode of ['chrome', 'firefox']) {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--mode', mode, '--logLevel', 'error'], {
      env: { ...process.env, WSCI_DIST: dist },
      stdio: 'pipe',
    });
  }
  return dist;
}

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    folderFiles(dir)
      .map((f) => [f.name, createHash('sha256').update(f.data).digest('hex')] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

describe('reproducible build', () => {
  afterAll(() => {
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('builds byte-identical extensions twice, and packages them to identical archives', () => {
    const [a, b] = [build(), build()];
    for (const browser of ['chrome', 'firefox']) {
      const first = hashes(join(a, browser));
      expect(Object.keys(first)).toContain('manifest.json');
      expect(hashes(join(b, browser))).toEqual(first);
      expect(writeZip(folderFiles(join(a, browser))).equals(writeZip(folderFiles(join(b, browser))))).toBe(true);
    }
  }, 120_000);
});
