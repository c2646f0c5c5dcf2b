// The entries of the Reference view: every registered close code, the four
// ranges with no entry of their own, and the curated comparisons; plus a
// search over numbers and text in the panel's language.

import { describeCloseCode, listCloseCodes } from '../../core/describe-close-code';
import { listCuratedComparisons } from '../../core/curated-comparisons';
import type { CloseCodeInfo, Locale } from '../../core/types';

export type ReferenceEntry =
  | { id: string; kind: 'code'; code: number; info: CloseCodeInfo }
  | { id: string; kind: 'range'; code: number; from: number; to: number; info: CloseCodeInfo }
  | { id: string; kind: 'comparison'; pair: [number, number] };

/** Ranges without entries of their own, each explained through a representative code. */
const RANGES: readonly [from: number, to: number, representative: number][] = [
  [0, 999, 500],
  [1016, 2999, 2000],
  [3000, 3999, 3500],
  [4000, 4999, 4500],
];

export const DEFAULT_REFERENCE_ID = 'compare:1007-1008';

export function referenceEntries(locale: Locale): ReferenceEntry[] {
  const codes: ReferenceEntry[] = listCloseCodes().map((code) => ({ id: `code:${code}`, kind: 'code', code, info: describeCloseCode(code, { locale }) }));
  const ranges: ReferenceEntry[] = RANGES.map(([from, to, rep]) => ({
    id: `range:${from}-${to}`,
    kind: 'range',
    code: rep,
    from,
    to,
    info: describeCloseCode(rep, { locale }),
  }));
  const pairs = listCuratedComparisons().sort((a, b) => (a[0] === 1007 && a[1] === 1008 ? -1 : b[0] === 1007 && b[1] === 1008 ? 1 : a[0] - b[0] || a[1] - b[1]));
  const comparisons: ReferenceEntry[] = pairs.map((pair) => ({ id: `compare:${pair[0]}-${pair[1]}`, kind: 'comparison', pair }));
  return [...comparisons.slice(0, 1), ...codes, ...ranges, ...comparisons.slice(1)];
}

function textOf(info: CloseCodeInfo): string {
  return [info.name, info.title, info.summary, info.whenYouSeeIt, ...info.likelyCauses, ...info.fixes].join('\n').toLowerCase();
}

/**
 * Entries matching `query`: a number matches its own code, the range holding it and the
 * comparisons naming it (and gets an entry of its own when the registry has none);
 * text matches names and explanations.
 */
export function searchReference(entries: readonly ReferenceEntry[], query: string, locale: Locale): ReferenceEntry[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...entries];
  if (/^\d+$/.test(q)) {
    const n = Number(q);
    const hits = entries.filter((e) =>
      e.kind === 'comparison' ? e.pair.some((c) => String(c).startsWith(q)) : e.kind === 'range' ? n >= e.from && n <= e.to : String(e.code).startsWith(q),
    );
    const exact = hits.some((e) => e.kind === 'code' && e.code === n);
    if (!exact && q.length >= 3) hits.unshift({ id: `code:${n}`, kind: 'code', code: n, info: describeCloseCode(n, { locale }) });
    return hits;
  }
  return entries.filter((e) => {
    if (e.kind === 'comparison') return `${e.pair[0]} vs ${e.pair[1]}`.includes(q);
    return textOf(e.info).includes(q);
  });
}

/** The entry for an id, also for codes that only exist because they were searched for. */
export function entryById(entries: readonly ReferenceEntry[], id: string, locale: Locale): ReferenceEntry | undefined {
  const found = entries.find((e) => e.id === id);
  if (found) return found;
  const code = /^code:(\d+)$/.exec(id);
  if (code) return { id, kind: 'code', code: Number(code[1]), info: describeCloseCode(Number(code[1]), { locale }) };
  return undefined;
}
