// Runs at build time in Node (`npm run package`). Decides what goes into each
// release archive: a built extension folder, or the sources AMO reviewers
// rebuild from (https://extensionworkshop.com/documentation/publish/source-code-submission/).

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { ZipInput } from './zip';

/** Never part of the source archive: installed, generated, or CI machinery. */
const NOT_SOURCE = [/^node_modules\//, /^dist\//, /^\.tmp\//, /^\.ci\//, /^\.git\//, /(^|\/)\.DS_Store$/];

export function isSourcePath(path: string): boolean {
  return !NOT_SOURCE.some((pattern) => pattern.test(path));
}

/** Every regular file under `dir`, named relative to it with forward slashes. */
export function folderFiles(dir: string): ZipInput[] {
  const out: ZipInput[] = [];
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      const stat = statSync(path);
      if (stat.isDirectory()) walk(path);
      else if (stat.isFile()) out.push({ name: relative(dir, path).split(sep).join('/'), data: readFileSync(path) });
    }
  };
  walk(dir);
  return out;
}

/**
 * The files a commit of the working tree would hold: tracked plus new,
 * not ignored (`git ls-files`, read only), minus NOT_SOURCE. Outside a git
 * checkout (a reviewer unpacking the source archive) the tree itself is walked.
 */
export function sourcePaths(root: string): string[] {
  let listed: string[];
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      maxBuffer: 256 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    listed = out.toString('utf8').split('\0').filter(Boolean);
  } catch {
    listed = folderFiles(root).map((f) => f.name);
  }
  return [...new Set(listed)].filter((p) => isSourcePath(p) && existsSync(join(root, p)) && statSync(join(root, p)).isFile());
}

export const SOURCE_README_NAME = 'SOURCE-README.md';

export function sourceReadme(version: string): string {
  return `# WebSocket Close Inspector ${version}: building from source

This archive holds every source file of the extension. The add-on is built
with Vite 8 and @crxjs/vite-plugin from TypeScript and Preact; the output is
not minified (vite.config.ts sets \`minify: false\`), so the built files can
be compared with these sources line by line.

## Requirements
- Linux, macOS or Windows
- Node.js 20.19 or later (built with Node 20.20 and npm 10/11)
- No network access other than the npm registry for \`npm ci\`

## Steps
\`\`\`sh
npm ci                 # installs the exact versions pinned in package-lock.json
npm run build          # writes dist/chrome/ and dist/firefox/
\`\`\`

Run the build with \`NODE_ENV\` unset (or \`production\`): any other value makes Vite
emit development JSX that embeds the absolute paths of the build folder.

\`dist/firefox/\` is the submitted Firefox add-on, file for file. To rebuild
the submitted archives themselves: \`npm run package\` writes
\`dist/packages/websocket-close-inspector-{chrome,firefox,source}-${version}.zip\`
with fixed timestamps (1980-01-01), permissions (0644) and file order, so the
same sources give the same bytes; \`dist/packages/SHA256SUMS\` lists their hashes.

No step downloads or generates code at build time other than bundling these sources and their
npm dependencies.
`;
}
