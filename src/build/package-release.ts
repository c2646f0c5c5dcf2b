// Runs in Node: `npm run package` (after `npm run build`). Writes the store
// archives into dist/packages/: the Chrome Web Store zip, the
// addons.mozilla.org zip and the source zip AMO reviewers ask for. Every
// archive is reproducible (src/build/zip.ts).

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { folderFiles, sourcePaths, sourceReadme, SOURCE_README_NAME } from './release-files';
import { writeZip, type ZipInput } from './zip';

const NAME = 'websocket-close-inspector';

export interface ReleaseOptions {
  root: string;
  /** Folder holding chrome/ and firefox/ builds. */
  dist: string;
  out: string;
}

export interface ReleaseArchive {
  file: string;
  sha256: string;
  entries: number;
}

function readVersion(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')) as { version: string };
  if (pkg.version !== manifest.version) {
    throw new Error(`package.json version ${pkg.version} differs from manifest.json version ${manifest.version}`);
  }
  return pkg.version;
}

function builtFiles(dist: string, browser: 'chrome' | 'firefox', version: string): ZipInput[] {
  const dir = join(dist, browser);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`no ${browser} build in ${dir}: run npm run build first`);
  const built = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string };
  if (built.version !== version) throw new Error(`${dir} was built from version ${built.version}, not ${version}: rebuild`);
  return folderFiles(dir);
}

export function sourceFiles(root: string, version: string): ZipInput[] {
  const files: ZipInput[] = sourcePaths(root)
    .filter((p) => p !== SOURCE_README_NAME)
    .map((name) => ({ name, data: readFileSync(join(root, name)) }));
  files.push({ name: SOURCE_README_NAME, data: Buffer.from(sourceReadme(version)) });
  return files;
}

export function packageRelease(options: ReleaseOptions): ReleaseArchive[] {
  const version = readVersion(options.root);
  mkdirSync(options.out, { recursive: true });
  const archives: Array<[string, ZipInput[]]> = [
    [`${NAME}-chrome-${version}.zip`, builtFiles(options.dist, 'chrome', version)],
    [`${NAME}-firefox-${version}.zip`, builtFiles(options.dist, 'firefox', version)],
    [`${NAME}-source-${version}.zip`, sourceFiles(options.root, version)],
  ];
  const written = archives.map(([file, files]) => {
    const zip = writeZip(files);
    writeFileSync(join(options.out, file), zip);
    return { file, sha256: createHash('sha256').update(zip).digest('hex'), entries: files.length };
  });
  writeFileSync(join(options.out, 'SHA256SUMS'), written.map((a) => `${a.sha256}  ${a.file}\n`).join(''));
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename ?? '')) {
  const root = process.cwd();
  const dist = resolve(process.env.WSCI_DIST ?? 'dist');
  const out = join(dist, 'packages');
  for (const archive of packageRelease({ root, dist, out })) {
    process.stdout.write(`${join(out, archive.file)}  ${archive.entries} files  sha256 ${archive.sha256}\n`);
  }
  // Store listing screenshots take a browser run, so they are made on request, not here.
  const screenshots = join(out, 'store-screenshots');
  process.stdout.write(
    existsSync(screenshots)
      ? `Store screenshots (1280×800): ${screenshots}\n`
      : `Store screenshots: none yet; \`npm run store-screenshots\` writes them (1280×800) into ${screenshots}\n`,
  );
}
