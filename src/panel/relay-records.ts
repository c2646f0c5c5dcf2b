// Reads what a tab's relay streams to the panel (through the background).

import type { RelayToPanelMap } from '../protocol/envelope';
import { readPageMessage } from '../protocol/guard';
import type { PageRecord } from '../protocol/records';
import type { RecordsMessage } from './store/connection-store';

/**
 * A relay's message as the store takes it. The relay forwards the page's
 * batches as text, checking only their headers; the panel checks every
 * record with the guard (it must never depend on a page-facing process
 * having done so). Saved drop counts come from imports, never from a port.
 */
export function readRelayRecords(message: unknown): RecordsMessage | null {
  const m = message as Partial<RelayToPanelMap['records']> & { type?: unknown };
  if (m?.type !== 'records' || typeof m.source !== 'object' || m.source === null || !Array.isArray(m.batches)) return null;
  const records: PageRecord[] = [];
  let rejectedHere = 0;
  for (const batch of m.batches) {
    const read = readPageMessage(batch);
    if (read?.type === 'batch') {
      for (const record of read.records) records.push(record);
      rejectedHere += read.rejected;
    } else rejectedHere++;
  }
  const rejected = typeof m.rejected === 'number' && Number.isFinite(m.rejected) ? m.rejected : 0;
  return { source: m.source, records, rejected, rejectedHere };
}

/** A relay's word that its document came back from the back/forward cache. */
export function readRestored(message: unknown): RelayToPanelMap['navigated'] | null {
  const m = message as Partial<RelayToPanelMap['navigated']> & { type?: unknown };
  if (m?.type !== 'navigated' || typeof m.source !== 'object' || m.source === null || typeof m.time !== 'number' || !Number.isFinite(m.time)) return null;
  return { source: m.source, time: m.time };
}
