// What the numbers were measured on.

import { cpus, platform, release, totalmem, type } from 'node:os';
import { readFileSync } from 'node:fs';

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
