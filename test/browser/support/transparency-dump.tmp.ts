import { writeFileSync } from 'node:fs';
import { launch, type BrowserName } from './browsers';
import { runProbes } from './transparency-harness';
import { TRANSPARENCY_PROBES } from './transparency-probes';
import { startScenarioServer } from '../../server/scenario-server';

const name = (process.argv[2] ?? 'chromium') as BrowserName;
const only = process.argv[3];
const server = await startScenarioServer();
const probes = only ? TRANSPARENCY_PROBES.filter((p) => p.name.includes(only)) : TRANSPARENCY_PROBES;
for (const extension of [false, true]) {
  const l = await launch(name, { extension });
  try {
    const page = await l.browser.newPage();
    const r = await runProbes(page, server, probes);
    writeFileSync(`/tmp/wsci-${name}-${extension ? 'hooked' : 'plain'}.json`, JSON.stringify(r, null, 1));
  } finally { await l.close(); }
}
await server.close();
