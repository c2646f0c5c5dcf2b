// The page must not be able to tell, by behaviour, that the hook is there.
// The same probes (plain page JS, support/transparency-probes*.ts) run in each
// browser without the extension and then with it; every result must match.
// With the extension, the panel must also have captured every socket the
// probes opened: a hook that silently failed to install would otherwise pass.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, type BrowserName, type LaunchedBrowser } from './support/browsers';
import { openPanelTab, waitForConnections, type PanelConnection } from './support/panel';
import { createdSocketUrls, normalizeUrl, runProbes, type ProbeResults } from './support/transparency-harness';
import { KNOWN_DIFFERENCES, TRANSPARENCY_PROBES } from './support/transparency-probes';
import { startScenarioServer, type ScenarioServer } from '../server/scenario-server';

interface Run {
  results: ProbeResults;
  created: string[];
  /** With the extension only: what reached the panel. */
  captured: PanelConnection[];
}

async function runIn(name: BrowserName, extension: boolean, server: ScenarioServer): Promise<Run> {
  let launched: LaunchedBrowser | null = null;
  try {
    launched = await launch(name, { extension });
    const page = await launched.browser.newPage();
    const results = await runProbes(page, server, TRANSPARENCY_PROBES);
    const created = await createdSocketUrls(page, server);
    let captured: PanelConnection[] = [];
    if (extension) {
      const panel = await openPanelTab(launched, page);
      captured = await waitForConnections(
        panel,
        (cs) => cs.length >= created.length && cs.every((c) => c.state === 'closed'),
        60_000,
      ).catch((error: unknown) => {
        throw new Error(`the panel did not capture the probe page's ${created.length} sockets: ${String(error)}`);
      });
    }
    return { results, created, captured };
  } finally {
    await launched?.close();
  }
}

const RUN_TIMEOUT = 300_000;

describe.each<BrowserName>(['chromium', 'firefox'])('transparency in %s', (name) => {
  let server: ScenarioServer;
  let plain: Run;
  let hooked: Run;

  beforeAll(async () => {
    server = await startScenarioServer();
    plain = await runIn(name, false, server);
    hooked = await runIn(name, true, server);
  }, 2 * RUN_TIMEOUT);
  afterAll(async () => {
    await server?.close();
  });

  it('has at least 40 probes, all of which ran without a probe error in the plain browser', () => {
    expect(TRANSPARENCY_PROBES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(TRANSPARENCY_PROBES.map((p) => p.name)).size).toBe(TRANSPARENCY_PROBES.length);
    const failed = Object.entries(plain.results).filter(([, r]) => (r as { probeError?: string }).probeError !== undefined);
    expect(failed).toEqual([]);
  });

  it('the extension captured every socket the probes opened, and only those', () => {
    const captured = hooked.captured.map((c) => normalizeUrl(c.url, server)).sort();
    expect(hooked.created.length).toBeGreaterThan(40);
    expect(captured).toEqual([...hooked.created].sort());
    expect(hooked.created).toEqual(plain.created);
  });

  it.each(TRANSPARENCY_PROBES.map((p) => p.name))('%s', (probe) => {
    const known = KNOWN_DIFFERENCES[probe];
    if (!known?.browsers.includes(name)) {
      expect(hooked.results[probe]).toEqual(plain.results[probe]);
      return;
    }
    expect(hooked.results[probe], `expected the known difference (${known.reason}); if it is gone, tighten KNOWN_DIFFERENCES`).not.toEqual(plain.results[probe]);
    if (known.paths) {
      expect(without(hooked.results[probe], known.paths), 'differences outside the known paths').toEqual(without(plain.results[probe], known.paths));
    }
  });
});

/** A copy of `value` with the given paths removed (marked), to compare the rest. */
function without(value: unknown, paths: Array<Array<string | number>>): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  for (const path of paths) {
    let node: Record<string | number, unknown> | undefined = copy;
    for (const key of path.slice(0, -1)) node = node?.[key] as Record<string | number, unknown> | undefined;
    if (node && typeof node === 'object') node[path[path.length - 1]!] = '<known difference>';
  }
  return copy;
}
