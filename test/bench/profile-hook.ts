// `npm run bench:profile`: where the hook spends its time. Runs 100,000
// send() calls, 12,000 binary echoes, a 200,000-message receive flood and
// 12,000 text echoes with the panel attached in a hooked Chromium, each
// under the CPU profiler, and prints the functions with the most self time
// (page world and extension worlds alike), so an optimisation can aim at
// the right line. A developer tool, not a benchmark: it reports no ratio.
//
// Environment: WSCI_DIST (build folder, default .tmp/dist-bench), BENCH_SKIP_BUILD=1.

import { spawnSync } from 'node:child_process';
import type { CDPSession, Page } from 'puppeteer-core';

process.env.WSCI_DIST ??= '.tmp/dist-bench';
if (process.env.BENCH_SKIP_BUILD !== '1') {
  const build = spawnSync('npx', ['vite', 'build', '--mode', 'chrome', '--logLevel', 'warn'], { stdio: 'inherit', env: process.env });
  if (build.status !== 0) throw new Error('build failed');
}
const { launchChromium } = await import('../browser/support/browsers');
const { startBenchServer } = await import('./support/bench-server');
const { call, openBenchPage } = await import('./support/bench-page');
const { openPanelTab } = await import('../browser/support/panel');

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

/** The extension's entry points whose total time (self and callees) is worth knowing. */
const ENTRY_POINTS = ['flush', 'readInbox', 'apply', 'onPageMessage'];

/** Total time per entry point, as a share of all samples (nested calls of the same name counted once). */
function inclusive(nodes: ProfileNode[]): string[] {
  const byId = new Map(nodes.map((node) => [node.id, node]));
  const total = nodes.reduce((sum, node) => sum + (node.hitCount ?? 0), 0);
  const sums = new Map<string, number>();
  const subtree = (node: ProfileNode): number =>
    (node.hitCount ?? 0) + (node.children ?? []).reduce((sum, id) => sum + subtree(byId.get(id)!), 0);
  const walk = (node: ProfileNode, inside: Set<string>) => {
    const name = node.callFrame.functionName;
    const counts = ENTRY_POINTS.includes(name) && !inside.has(name) && /(hook|relay)\.js$/.test(node.callFrame.url);
    if (counts) sums.set(name, (sums.get(name) ?? 0) + subtree(node));
    const next = counts ? new Set([...inside, name]) : inside;
    for (const id of node.children ?? []) walk(byId.get(id)!, next);
  };
  const root = nodes.find((node) => !nodes.some((other) => other.children?.includes(node.id)));
  if (root) walk(root, new Set());
  // Self time inside each entry point's subtree: where its total goes.
  const within = new Map<string, number>();
  const collect = (node: ProfileNode, entry: string | null) => {
    const name = node.callFrame.functionName;
    const here = entry ?? (ENTRY_POINTS.includes(name) && /(hook|relay)\.js$/.test(node.callFrame.url) ? name : null);
    if (here && node.hitCount) {
      const key = `  in ${here}: ${name || '(anonymous)'} ${node.callFrame.url.slice(node.callFrame.url.lastIndexOf('/') + 1)}:${node.callFrame.lineNumber + 1}`;
      within.set(key, (within.get(key) ?? 0) + node.hitCount);
    }
    for (const id of node.children ?? []) collect(byId.get(id)!, here);
  };
  if (root) collect(root, null);
  for (const [key, hits] of [...within.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) sums.set(key, hits);
  for (const id of root?.children ?? []) {
    const child = byId.get(id)!;
    const share = subtree(child) / total;
    if (share >= 0.01) sums.set(`root → ${child.callFrame.functionName || '(anonymous)'} ${child.callFrame.url.slice(-12)}`, subtree(child));
  }
  return [...sums.entries()].map(([name, hits]) => `${((hits / total) * 100).toFixed(1).padStart(5)}%  ${name} (total)`);
}

/** Self time per function, as a share of all samples. */
function topSelf(nodes: ProfileNode[], limit: number): string[] {
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const node of nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const file = url.slice(url.lastIndexOf('/') + 1) || '(native)';
    const key = `${functionName || '(anonymous)'}  ${file}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + hits);
  }
  return [...byFunction.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, limit)
    .map(([key, hits]) => `${((hits / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
}

async function profiled(page: Page, label: string, run: () => Promise<unknown>): Promise<void> {
  const cdp: CDPSession = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[] } };
  await cdp.detach();
  console.log(`\n## ${label}: ${JSON.stringify(result)}`);
  for (const line of inclusive(profile.nodes)) console.log(line);
  for (const line of topSelf(profile.nodes, 25)) console.log(line);
}

const server = await startBenchServer();
const hooked = await launchChromium({ networkEvents: false });
try {
  const page = await openBenchPage(hooked.browser, `${server.origin}/profile`);
  await call(page, 'open', 'sink', `${server.wsOrigin}/ws/sink`);
  await call(page, 'open', 'flood', `${server.wsOrigin}/ws/flood`);
  for (let i = 0; i < 3; i++) await call(page, 'sendLoop', 'sink', 100_000); // as the bench: slots grown, code warm
  await profiled(page, 'send() × 100,000 (loop ms, with next task ms)', () => call(page, 'sendLoop', 'sink', 100_000));
  await call(page, 'open', 'echo', `${server.wsOrigin}/ws/echo`);
  await call(page, 'echo', 'echo', 'binary1k', 4000, 64);
  await profiled(page, 'echo 1 KiB binary × 12,000 (ms)', () => call(page, 'echo', 'echo', 'binary1k', 12_000, 64));
  await call(page, 'flood', 'flood', 20_000, 2_000);
  await profiled(page, 'receive × 200,000 (ms)', () => call(page, 'flood', 'flood', 200_000, 5_000));
  // With a panel attached the hook writes its records and the relay (same thread) forwards them.
  const panel = await openPanelTab(hooked, page);
  await call(page, 'echo', 'echo', 'small', 4000, 64);
  await profiled(page, 'echo 64 B text × 12,000, panel attached (ms)', () => call(page, 'echo', 'echo', 'small', 12_000, 64));
  await panel.close();
} finally {
  await hooked.close();
  await server.close();
}
