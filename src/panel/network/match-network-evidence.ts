// Matches Chrome's HAR entries for WebSockets to our connections: same URL,
// start times close together, one entry per connection. Pure; never throws.
//
// Sockets to one URL are matched in order (the n-th socket created is the
// n-th handshake the browser started), so a reconnect loop with a constant
// clock offset between page and browser cannot pair crosswise, which a
// nearest-first greedy pairing would. Among order-keeping pairings the one
// with the least total time difference wins, where leaving a connection or an
// entry unpaired costs half the tolerance.

import type { Connection } from '../store/model';
import { evidenceFromEntry } from './har-evidence';
import { readHarWebSocketEntry, type HarWebSocketEntry } from './har-entry';
import { isImportedSource } from '../export/imported-documents';
import type { NetworkEvidence } from './types';

export interface MatchOptions {
  /** Largest |entry start - connection createdAt| that can pair, in ms. */
  toleranceMs?: number;
}

export const DEFAULT_MATCH_TOLERANCE_MS = 2000;

/** Above this many (connections × entries) for one URL, pair nearest-first instead. */
const MAX_ALIGNMENT_CELLS = 4_000_000;

type Timed = { time: number };

/** Compares URLs as the URL parser serializes them, without a fragment. */
export function normalizeSocketUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Order-keeping, least-cost pairing of two time-sorted lists: pairs of indexes. */
function alignInOrder(a: readonly Timed[], b: readonly Timed[], tolerance: number): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const skip = tolerance / 2;
  // 1 = pair a[i-1] with b[j-1], 2 = leave a[i-1], 3 = leave b[j-1].
  const choice = new Uint8Array((n + 1) * (m + 1));
  let prev = new Float64Array(m + 1);
  let cur = new Float64Array(m + 1);
  for (let j = 1; j <= m; j++) {
    prev[j] = j * skip;
    choice[j] = 3;
  }
  for (let i = 1; i <= n; i++) {
    cur[0] = i * skip;
    choice[i * (m + 1)] = 2;
    for (let j = 1; j <= m; j++) {
      const dt = Math.abs(a[i - 1]!.time - b[j - 1]!.time);
      let best = dt <= tolerance ? prev[j - 1]! + dt : Infinity;
      let how = 1;
      if (prev[j]! + skip < best) {
        best = prev[j]! + skip;
        how = 2;
      }
      if (cur[j - 1]! + skip < best) {
        best = cur[j - 1]! + skip;
        how = 3;
      }
      cur[j] = best;
      choice[i * (m + 1) + j] = how;
    }
    [prev, cur] = [cur, prev];
  }
  const pairs: Array<[number, number]> = [];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const how = choice[i * (m + 1) + j];
    if (how === 1) pairs.push([--i, --j]);
    else if (how === 2) i--;
    else j--;
  }
  return pairs.reverse();
}

/** Nearest pairs first, each side used once: for groups too big to align. */
function pairNearestFirst(a: readonly Timed[], b: readonly Timed[], tolerance: number): Array<[number, number]> {
  const candidates: Array<[number, number, number]> = [];
  let start = 0;
  for (let i = 0; i < a.length; i++) {
    const t = a[i]!.time;
    while (start < b.length && b[start]!.time < t - tolerance) start++;
    for (let j = start; j < b.length && b[j]!.time <= t + tolerance; j++) candidates.push([Math.abs(b[j]!.time - t), i, j]);
  }
  candidates.sort((x, y) => x[0] - y[0]);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const [, i, j] of candidates) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

/**
 * Network evidence per connection key, for the connections a HAR entry
 * matches. Imported connections are left out: their evidence came with the
 * file, and one imported from this very session would take a live socket's entry.
 */
export function matchNetworkEvidence(
  connections: readonly Connection[],
  harEntries: readonly unknown[],
  options: MatchOptions = {},
): Map<string, NetworkEvidence> {
  const tolerance = options.toleranceMs ?? DEFAULT_MATCH_TOLERANCE_MS;
  const result = new Map<string, NetworkEvidence>();
  const entries: Array<HarWebSocketEntry & Timed> = [];
  for (const raw of Array.isArray(harEntries) ? harEntries : []) {
    const entry = readHarWebSocketEntry(raw);
    if (entry) entries.push({ ...entry, time: entry.startedAt });
  }
  const entriesByUrl = groupBy(entries, (e) => normalizeSocketUrl(e.url));
  const socketsByUrl = groupBy(
    connections.filter((c) => !isImportedSource(c.source)).map((c) => ({ key: c.key, url: c.url, time: c.createdAt })),
    (c) => normalizeSocketUrl(c.url),
  );
  for (const [url, sockets] of socketsByUrl) {
    const candidates = entriesByUrl.get(url);
    if (!candidates) continue;
    sockets.sort((x, y) => x.time - y.time);
    candidates.sort((x, y) => x.time - y.time);
    const align = sockets.length * candidates.length <= MAX_ALIGNMENT_CELLS ? alignInOrder : pairNearestFirst;
    for (const [i, j] of align(sockets, candidates, tolerance)) {
      result.set(sockets[i]!.key, evidenceFromEntry(candidates[j]!));
    }
  }
  return result;
}
