// Filters a connection's timeline for the Frames view. The store only ever
// appends to a timeline, so the result is kept and extended with the new
// tail: a 100k-frame connection is scanned once, not on every update.

import type { PageRecord } from '../../protocol/records';
import { patternMatcher } from './pattern-matcher';

export type DirectionFilter = 'all' | 'sent' | 'received';
export type KindFilter = 'all' | 'text' | 'binary' | 'control';

export interface TimelineFilter {
  pattern: string;
  direction: DirectionFilter;
  kind: KindFilter;
}

export const EMPTY_FILTER: TimelineFilter = { pattern: '', direction: 'all', kind: 'all' };

export interface FilteredTimeline {
  /** Indices into the timeline, in order. Shared and appended to later: read up to `count`. */
  indices: readonly number[];
  count: number;
  /** The regex did not compile: its message; nothing is filtered by it. */
  error: string | null;
}

export function isFrame(record: PageRecord): record is Extract<PageRecord, { type: 'sent' | 'received' }> {
  return record.type === 'sent' || record.type === 'received';
}

/** The text the regex runs on: the payload preview, or what a control row shows. */
export function searchableText(record: PageRecord): string {
  switch (record.type) {
    case 'sent':
    case 'received':
      return record.preview;
    case 'created':
      return record.url;
    case 'close-requested':
    case 'closed':
      return `${record.code ?? ''} ${record.reason}`;
    case 'open':
      return record.protocol;
    default:
      return '';
  }
}

export function compilePattern(pattern: string): { regex: RegExp | null; error: string | null } {
  if (pattern === '') return { regex: null, error: null };
  try {
    return { regex: new RegExp(pattern, 'i'), error: null };
  } catch (error) {
    return { regex: null, error: error instanceof Error ? error.message : String(error) };
  }
}

function matcher(filter: TimelineFilter, regex: RegExp | null): (record: PageRecord) => boolean {
  const matches = regex && patternMatcher(regex);
  return (record) => {
    const frame = isFrame(record);
    if (filter.direction !== 'all' && (!frame || record.type !== filter.direction)) return false;
    if (filter.kind === 'control' && frame) return false;
    if (filter.kind === 'text' && !(frame && record.kind === 'text')) return false;
    if (filter.kind === 'binary' && !(frame && record.kind !== 'text')) return false;
    return matches === null || matches(searchableText(record));
  };
}

/** Remembers the last result per (timeline, filter) and only scans what was appended since. */
export class TimelineFilterCache {
  private timeline: readonly PageRecord[] | null = null;
  private key = '';
  private scanned = 0;
  private indices: number[] = [];
  private error: string | null = null;
  private keep: (record: PageRecord) => boolean = () => true;

  apply(timeline: readonly PageRecord[], filter: TimelineFilter): FilteredTimeline {
    const key = `${filter.direction}\u0000${filter.kind}\u0000${filter.pattern}`;
    if (timeline !== this.timeline || key !== this.key || timeline.length < this.scanned) {
      this.timeline = timeline;
      this.key = key;
      this.scanned = 0;
      this.indices = [];
      const { regex, error } = compilePattern(filter.pattern);
      this.error = error;
      this.keep = matcher(filter, regex);
    }
    if (this.scanned < timeline.length) {
      const keep = this.keep;
      for (let i = this.scanned; i < timeline.length; i++) if (keep(timeline[i]!)) this.indices.push(i);
      this.scanned = timeline.length;
    }
    return { indices: this.indices, count: this.indices.length, error: this.error };
  }
}
