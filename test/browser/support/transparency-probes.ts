// Every transparency probe, in the order they run. The globals group runs
// last: it inspects what the whole run left behind on the window.

import { CONSTRUCTOR_PROBES } from './transparency-probes-constructor';
import { EVENT_PROBES } from './transparency-probes-events';
import { GLOBAL_PROBES } from './transparency-probes-globals';
import { IO_PROBES } from './transparency-probes-io';
import { SHAPE_PROBES } from './transparency-probes-shape';
import type { TransparencyProbe } from './transparency-harness';

export const TRANSPARENCY_PROBES: TransparencyProbe[] = [
  ...SHAPE_PROBES,
  ...CONSTRUCTOR_PROBES,
  ...IO_PROBES,
  ...EVENT_PROBES,
  ...GLOBAL_PROBES,
];

/**
 * Probes whose results are known to differ with the hook, and why it cannot
 * be helped. The suite asserts they *do* differ, so a fix shows up as a
 * failure asking to move the probe back to the strict set.
 */
export const KNOWN_DIFFERENCES: Record<string, string> = {};
