// The bench's reading of /proc/stat: what makes a stretch of time "quiet".

import { describe, expect, it } from 'vitest';
import { busyShare, cpuTimes } from '../bench/support/machine';

describe('busyShare', () => {
  it('is the share of ticks that were neither idle nor waiting for I/O', () => {
    expect(busyShare({ total: 1_000, steal: 0, idle: 600 }, { total: 1_200, steal: 5, idle: 780 })).toBeCloseTo(0.1);
    expect(busyShare({ total: 0, steal: 0, idle: 0 }, { total: 60, steal: 0, idle: 0 })).toBe(1);
    expect(busyShare({ total: 0, steal: 0, idle: 0 }, { total: 60, steal: 0, idle: 60 })).toBe(0);
  });

  it('is null when no tick passed between the readings', () => {
    expect(busyShare({ total: 500, steal: 0, idle: 100 }, { total: 500, steal: 0, idle: 100 })).toBeNull();
  });

  // /proc/stat is Linux's: elsewhere this one shows as skipped.
  it.runIf(process.platform === 'linux')('reads this machine: idle time never exceeds the total', () => {
    const now = cpuTimes();
    expect(now).not.toBeNull();
    expect(now!.idle).toBeGreaterThanOrEqual(0);
    expect(now!.idle).toBeLessThanOrEqual(now!.total);
  });
});
