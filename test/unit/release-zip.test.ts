// The release archives are reproducible and readable: the same files give the
// same bytes in any input order, entries carry fixed times and modes, and the
// source archive holds the sources AMO rebuilds from, never installed or built files.

import { describe, expect, it } from 'vitest';
import { sourceFiles } from '../../src/build/package-release';
import { isSourcePath } from '../../src/build/release-files';
import { readZip, writeZip, type ZipInput } from '../../src/build/zip';

const files: ZipInput[] = [
  { name: 'manifest.json', data: Buffer.from('{"manifest_version":3}') },
  { name: 'assets/panel.js', data: Buffer.from('console.log(1);\n'.repeat(200)) },
  { name: 'icons/icon-16.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]) },
  { name: '_locales/ja/messages.json', data: Buffer.from('{"extName":{"message":"WebSocket クローズ"}}') },
  { name: 'empty.txt', data: Buffer.alloc(0) },
];

describe('writeZip', () => {
  it('gives identical bytes for the same files, whatever their order', () => {
    const first = writeZip(files);
    expect(writeZip(files).equals(first)).toBe(true);
    expect(writeZip([...files].reverse()).equals(first)).toBe(true);
  });

  it('reads back through the central directory: sorted names, same bytes, fixed time and mode', () => {
    const entries = readZip(writeZip(files));
    expect(entries.map((e) => e.name)).toEqual([
      '_locales/ja/messages.json',
      'assets/panel.js',
      'empty.txt',
      'icons/icon-16.png',
      'manifest.json',
    ]);
    for (const entry of entries) {
      const input = files.find((f) => f.name === entry.name)!;
      expect(entry.data.equals(Buffer.from(input.data))).toBe(true);
      expect(entry.size).toBe(input.data.length);
      expect(entry).toMatchObject({ dosDate: 0x21, dosTime: 0, mode: 0o100644 });
    }
    expect(entries.find((e) => e.name === 'assets/panel.js')!.method).toBe(8);
    expect(entries.find((e) => e.name === 'empty.txt')!.method).toBe(0);
  });

  it('refuses paths that could escape or collide', () => {
    for (const name of ['../evil', '/abs', 'a\\b', '']) {
      expect(() => writeZip([{ name, data: Buffer.alloc(1) }])).toThrow(/bad archive path/);
    }
    expect(() => writeZip([files[0]!, files[0]!])).toThrow(/duplicate/);
  });
});

describe('source archive', () => {
  it('holds the sources and the build steps, and nothing installed or built', () => {
    const names = sourceFiles(process.cwd(), '0.0.0').map((f) => f.name);
    for (const wanted of ['package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts', 'src/build/zip.ts', 'SOURCE-README.md']) {
      expect(names).toContain(wanted);
    }
    expect(names.filter((n) => !isSourcePath(n))).toEqual([]);
    expect(names.some((n) => n.startsWith('node_modules/') || n.startsWith('dist/'))).toBe(false);
    const readme = sourceFiles(process.cwd(), '9.9.9').find((f) => f.name === 'SOURCE-README.md')!;
    expect(Buffer.from(readme.data).toString()).toMatch(/npm ci[\s\S]*npm run build/);
  });

  it('is reproducible', () => {
    const a = writeZip(sourceFiles(process.cwd(), '0.0.0'));
    const b = writeZip(sourceFiles(process.cwd(), '0.0.0'));
    expect(a.equals(b)).toBe(true);
  });
});
