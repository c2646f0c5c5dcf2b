// The build is reproducible: two builds of the same sources into two folders
// give byte-identical files for both browsers, so the store archives
// (`npm run package`) can be rebuilt by a reviewer and compared by hash; and
// the source archive AMO reviewers get rebuilds the very same files.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { folderFiles } from '../../src/build/release-files';
import { sourceFiles } from '../../src/build/package-release';
import { readZip, writeZip } from '../../src/build/zip';

const root = resolve('.tmp');
const folders: string[] = [];

/** The environment of a plain shell: vitest sets NODE_ENV=test, which makes Vite emit dev JSX with absolute paths. */
const { NODE_ENV: _testEnv, ...shellEnv } = process.env;

function build(cwd = process.cwd()): string {
  const dist = mkdtempSync(join(root, 'repro-'));
  folders.push(dist);
  for (const mode of ['chrome', 'firefox']) {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--mode', mode, '--logLevel', 'error'], {
      cwd,
      env: { ...shellEnv, WSCI_DIST: dist },
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

  it('rebuilds the same files from the source archive', () => {
    const reference = build();
    const unpacked = mkdtempSync(join(root, 'repro-source-'));
    folders.push(unpacked);
    for (const entry of readZip(writeZip(sourceFiles(process.cwd(), 'test')))) {
      mkdirSync(dirname(join(unpacked, entry.name)), { recursive: true });
      writeFileSync(join(unpacked, entry.name), entry.data);
    }
    // Stands in for `npm ci`: the same installed packages, hard-linked (a symlink
    // would change the module paths the bundle names in its comments).
    execFileSync('cp', ['-al', resolve('node_modules'), join(unpacked, 'node_modules')]);
    const rebuilt = build(unpacked);
    for (const browser of ['chrome', 'firefox']) {
      expect(hashes(join(rebuilt, browser))).toEqual(hashes(join(reference, browser)));
    }
  }, 120_000);
});
