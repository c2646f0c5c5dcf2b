// Turns a checked HAR WebSocket entry into network evidence, and its message
// times into our clock (ms epoch, like every record time).

import type { HarWebSocketEntry } from './har-entry';
import type { NetworkEvidence } from './types';

export function evidenceFromEntry(entry: HarWebSocketEntry): NetworkEvidence {
  const errors = entry.messages.filter((m) => m.type === 'error').map((m) => m.data);
  if (entry.failure !== null && !errors.includes(entry.failure)) errors.push(entry.failure);
  const evidence: NetworkEvidence = {
    source: 'har',
    status: entry.status,
    errors,
    frames: entry.messages.filter((m) => m.type !== 'error').length,
  };
  if (entry.statusText) evidence.statusText = entry.statusText;
  if (Object.keys(entry.requestHeaders).length > 0) evidence.requestHeaders = { ...entry.requestHeaders };
  if (Object.keys(entry.responseHeaders).length > 0) evidence.responseHeaders = { ...entry.responseHeaders };
  return evidence;
}

/** Seconds after 2001-09-09: wall-clock epoch seconds, not a monotonic clock. */
const EPOCH_SECONDS_FLOOR = 1e9;

/**
 * Maps the entry's message times to ms epoch. Chrome's DevTools writes epoch
 * seconds (NetworkRequest.pseudoWallTime). A raw CDP MonotonicTime (seconds
 * since an arbitrary origin, as some tools write) cannot be placed exactly:
 * its first message is then anchored at the end of the handshake, keeping the
 * spacing between messages.
 */
export function harMessageClock(entry: HarWebSocketEntry): (seconds: number) => number {
  let first = Infinity;
  for (const m of entry.messages) if (m.time < first) first = m.time;
  if (first === Infinity || first >= EPOCH_SECONDS_FLOOR) return (t) => t * 1000;
  const anchor = entry.startedAt + (entry.handshakeMs ?? 0);
  return (t) => (t >= EPOCH_SECONDS_FLOOR ? t * 1000 : anchor + (t - first) * 1000);
}
