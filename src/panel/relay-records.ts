// Reads what a tab's relay streams to the panel (through the background).

import type { RelayToPanelMap } from '../protocol/envelope';
import { readPageMessage } from '../protocol/guard';
import type { PageRecord } from '../protocol/records';
import type { RecordsMessage } from './store/connection-store';

/**
 * A relay's message as the store takes it. The relay checked every record
 * already; the panel checks them again with the same guard (it must never
 * depend on a page-facing process having done so). Saved drop counts come
 * from imports, never from a port.
 */
export function readRelayRecords(message: unknown): RecordsMessage | null {
  const m = message as Partial<RelayToPanelMap['records']> & { type?: unknown };
  if (m?.type !== 'records' || typeof m.source !== 'object' || m.source === null || !Array.isArray(m.batches)) return null;
  const records: PageRecord[] = [];
  let rejected = typeof m.rejected === 'number' ? m.rejected : 0;
  for (const batch of m.batches) {
    const read = readPageMessage(batch);
    if (read?.type === 'batch') {
      for (const record of read.records) records.push(record);
      rejected += read.rejected;
    } else rejected++;
  }
  return { source: m.source, records, rejected };
}

/** A relay's word that its document came back from the back/forward cache. */
export function readRestored(message: unknown): RelayToPanelMap['navigated'] | null {
  const m = message as Partial<RelayToPanelMap['navigated']> & { type?: unknown };
  if (m?.type !== 'navigated' || typeof m.source !== 'object' || m.source === null || typeof m.time !== 'number' || !Number.isFinite(m.time)) return null;
  return { source: m.source, time: m.time };
}
