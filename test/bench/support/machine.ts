// What the numbers were measured on.

import { cpus, platform, release, totalmem, type } from 'node:os';
import { readFileSync, readdirSync } from 'node:fs';

export interface Machine {
  os: string;
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  chromium: string;
  date: string;
}

function distribution(): string {
  try {
    const text = readFileSync('/etc/os-release', 'utf8');
    return /^PRETTY_NAME="?([^"\n]*)"?/m.exec(text)?.[1] ?? '';
  } catch {
    return '';
  }
}

export function describeMachine(chromium: string): Machine {
  const cpu = cpus();
  const distro = distribution();
  return {
    os: `${distro ? `${distro}, ` : ''}${type()} ${release()} (${platform()})`,
    cpuModel: cpu[0]?.model ?? 'unknown',
    cores: cpu.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    chromium,
    date: new Date().toISOString(),
  };
}

/** The machine's CPU time so far, from /proc/stat: all of it, what the hypervisor gave to others (steal) and idle time (with I/O wait), in ticks. */
export interface CpuTimes {
  total: number;
  steal: number;
  idle: number;
}

export function cpuTimes(): CpuTimes | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    if (fields.length < 8 || fields.some((n) => !Number.isFinite(n))) return null;
    return { total: fields.reduce((a, b) => a + b, 0), steal: fields[7]!, idle: fields[3]! + fields[4]! };
  } catch {
    return null;
  }
}

/**
 * The share of CPU time stolen between two readings, in percent: on a
 * virtual machine whose host is busy, a core runs only part of the time, and
 * every figure of that stretch is noisier (null where /proc/stat is missing).
 */
export function stealPercent(from: CpuTimes | null, to: CpuTimes | null): number | null {
  if (!from || !to || to.total <= from.total) return null;
  return Math.round(((to.steal - from.steal) / (to.total - from.total)) * 1000) / 10;
}

/** The share of the CPUs' time that was busy (not idle, not waiting for I/O) between two readings, 0 to 1; null when no tick passed. */
export function busyShare(from: CpuTimes, to: CpuTimes): number | null {
  const ticks = to.total - from.total;
  return ticks > 0 ? 1 - (to.idle - from.idle) / ticks : null;
}

/** A quiet stretch: this long (ms, three 10 ms ticks of /proc/stat per core), twice in a row, under QUIET_BUSY of the CPUs busy. */
const QUIET_WINDOW_MS = 30;
const QUIET_BUSY = 0.15;

/**
 * Waits until the machine is quiet, at most `maxMs`: whatever the last round
 * left running (a browser's garbage collection, the server reading its last
 * frames, a renderer's idle tasks) would otherwise land in the next round,
 * whichever variant it times. Resolves true once quiet, false if it never
 * got there (or /proc/stat is missing) in time; the caller counts those.
 */
export async function machineQuiet(maxMs = 1_200): Promise<boolean> {
  const deadline = Date.now() + maxMs;
  let calm = 0;
  let from = cpuTimes();
  while (from && calm < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, QUIET_WINDOW_MS));
    const to = cpuTimes();
    if (!to) return false;
    const busy = busyShare(from, to);
    calm = busy !== null && busy < QUIET_BUSY ? calm + 1 : 0;
    from = to;
  }
  return calm >= 2;
}

/** CPU time (user + system, ms) of a process tree: all of it, and its renderers' main threads. */
export interface TreeCpuMs {
  /** Every process under the root: for a browser, the renderers, the network service, the extension's. */
  tree: number;
  /** The main thread of each renderer under the root: where a page's script, its listeners and the hook run. */
  rendererMain: number;
}

const MS_PER_TICK = 10; // USER_HZ is 100 on Linux

/** user + system ticks of /proc/<pid>/stat or /proc/<pid>/task/<pid>/stat; its parent too. */
function readStat(path: string): { parent: number; ticks: number } {
  const stat = readFileSync(path, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
}

/**
 * CPU time used so far by a process and all its descendants, from one walk
 * of /proc. Time the host stole is not in it, so it shows what a workload
 * cost even when the wall clock is noisy. Null where /proc is missing or the
 * process is gone.
 */
export function processTreeCpuMs(root: number | undefined): TreeCpuMs | null {
  if (root === undefined) return null;
  try {
    const parents = new Map<number, number>();
    const ticks = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const { parent, ticks: t } = readStat(`/proc/${entry}/stat`);
        parents.set(Number(entry), parent);
        ticks.set(Number(entry), t);
      } catch {
        // exited meanwhile
      }
    }
    if (!ticks.has(root)) return null;
    const inTree = (pid: number): boolean => {
      for (let p = pid, hops = 0; p > 1 && hops < 64; p = parents.get(p) ?? 0, hops++) if (p === root) return true;
      return false;
    };
    const sum = { tree: 0, rendererMain: 0 };
    for (const [pid, t] of ticks) {
      if (!inTree(pid)) continue;
      sum.tree += t;
      try {
        if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) sum.rendererMain += readStat(`/proc/${pid}/task/${pid}/stat`).ticks;
      } catch {
        // exited meanwhile
      }
    }
    return { tree: sum.tree * MS_PER_TICK, rendererMain: sum.rendererMain * MS_PER_TICK };
  } catch {
    return null;
  }
}
