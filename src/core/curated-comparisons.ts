// Hand-written comparisons of close codes that users confuse, looked up in
// either order. 1007 vs 1008 is the one users asked for; each of the two is
// also set against its neighbours 1002, 1003 and 1009.

import type { LocalizedText, Locale } from './types';
import { COMPARISONS_WITH_1007 } from './curated-comparisons-1007';
import { COMPARISONS_WITH_1008 } from './curated-comparisons-1008';

export interface CuratedComparison {
  /** The pair, lower code first. */
  codes: readonly [number, number];
  /** One sentence each; every sentence names the codes it talks about. */
  keyDifferences: Readonly<Record<Locale, readonly string[]>>;
  /** When a server should choose codes[0], and when codes[1]. */
  whenToUse: readonly [LocalizedText, LocalizedText];
}

const pairKey = (low: number, high: number): string => `${low}:${high}`;

const CURATED: ReadonlyMap<string, CuratedComparison> = new Map(
  [...COMPARISONS_WITH_1007, ...COMPARISONS_WITH_1008].map((c) => [pairKey(c.codes[0], c.codes[1]), c]),
);

/** The curated comparison of a and b in either order, or undefined. */
export function findCuratedComparison(a: number, b: number): CuratedComparison | undefined {
  if (!Number.isInteger(a) || !Number.isInteger(b)) return undefined;
  return CURATED.get(pairKey(Math.min(a, b), Math.max(a, b)));
}

/** Every curated pair, lower code first (for the reference view). */
export function listCuratedComparisons(): [number, number][] {
  return [...CURATED.values()].map((c) => [c.codes[0], c.codes[1]]);
}
