// The relay: a self-contained IIFE in the ISOLATED world of every frame, at
// document_start, listed before the page hook. It checks everything the hook
// sends (the page can forge it), keeps a bounded history, and streams to the
// background only while a panel is attached to this tab.

import browser, { type Runtime } from '../platform/browser-api';
import {
  DEFAULT_HOOK_SETTINGS,
  PAGE_TO_RELAY_EVENT,
  RELAY_PORT_NAME,
  RELAY_TO_PAGE_EVENT,
  envelope,
  type BackgroundToRelayMap,
  type DocumentSource,
  type PageToRelayMap,
  type RelayToPageMap,
  type RelayToPanelMap,
} from '../protocol/envelope';
import { readPageMessage } from '../protocol/guard';
import { CAPTURE_SETTINGS_KEY, readCaptureSettings } from '../protocol/settings';
import type { PageRecord } from '../protocol/records';
import { DEFAULT_BUFFER_RECORDS, RecordBuffer } from './record-buffer';


/** 128 random bits as hex. Not crypto.randomUUID: plain-http pages are no secure context, content scripts included. */
function randomDocumentId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const source: DocumentSource = {
  docId: randomDocumentId(),
  frameUrl: location.href,
  isTop: window === window.top,
};
const buffer = new RecordBuffer(DEFAULT_BUFFER_RECORDS);
let lastSeq = 0;
let rejected = 0;
/** `rejected` as the attached panel last heard it. */
let rejectedStreamed = 0;
let port: Runtime.Port | null = null;
let hookSettings = { ...DEFAULT_HOOK_SETTINGS };

/** Tells the hook we are here, and with which settings (it listens for updates too). */
function answerPage(): void {
  const message = envelope<RelayToPageMap, 'ready'>('ready', { settings: hookSettings });
  window.dispatchEvent(new CustomEvent(RELAY_TO_PAGE_EVENT, { detail: JSON.stringify(message) }));
}

/**
 * What the page handed over during its current task. The hook may flush
 * inside a page's tight send() loop; checking the batch there would make
 * every send() wait for it, so it is read once the page's script is done
 * (a microtask: still before the next task, and before the document goes
 * away when the last flush comes from pagehide).
 */
let inbox: unknown[] = [];
/**
 * From pagehide to pageshow the document may be going away (a removed
 * iframe is detached before a microtask runs) or into the back/forward
 * cache: the hook's last flush is then read at once.
 */
let hiding = false;
/** The document came back from the back/forward cache: the next panel connection says so first. */
let restoredAt: number | null = null;

function onPageMessage(event: Event): void {
  inbox.push((event as CustomEvent<unknown>).detail);
  if (hiding) readInbox();
  else if (inbox.length === 1) queueMicrotask(readInbox);
}

function readInbox(): void {
  const details = inbox;
  inbox = [];
  const batches: string[] = [];
  for (const detail of details) {
    const batch = readPageDetail(detail);
    if (batch !== null) batches.push(batch);
  }
  if (batches.length > 0 || rejected !== rejectedStreamed) stream(batches);
}

/**
 * Checks one message from the page and keeps its records. Returns what a
 * panel should get of it, as a page message (JSON text): the page's own text
 * when every record in it passed (the usual case: forwarding a string costs
 * the page nothing, where cloning thousands of records would cost it dearly),
 * else a message of the records that passed. The panel checks it again.
 */
function readPageDetail(detail: unknown): string | null {
  const message = readPageMessage(detail);
  if (!message) {
    rejected++;
    return null;
  }
  if (message.type === 'hello') {
    answerPage();
    return null;
  }
  rejected += message.rejected;
  const accepted: PageRecord[] = [];
  for (const record of message.records) {
    // Sequence numbers only grow: anything else is a replay or a forgery.
    if (record.seq <= lastSeq) {
      rejected++;
      continue;
    }
    lastSeq = record.seq;
    buffer.push(record);
    accepted.push(record);
  }
  if (accepted.length === 0) return null;
  return message.rejected === 0 && accepted.length === message.records.length ? (detail as string) : batchJson(accepted);
}

function batchJson(records: PageRecord[]): string {
  return JSON.stringify(envelope<PageToRelayMap, 'batch'>('batch', { records }));
}

/** Replays go out as page messages well inside the guard's limits (LIMITS in guard.ts). */
const REPLAY_BATCH_RECORDS = 2048;
const REPLAY_BATCH_CHARS = 8 * 1024 * 1024;

function replayBatches(records: PageRecord[]): string[] {
  const head = batchJson([]).slice(0, -2); // '{…,"records":['
  const batches: string[] = [];
  let part: string[] = [];
  let chars = 0;
  for (const record of records) {
    const json = JSON.stringify(record);
    if (part.length > 0 && (part.length >= REPLAY_BATCH_RECORDS || chars + json.length > REPLAY_BATCH_CHARS)) {
      batches.push(`${head}${part.join(',')}]}`);
      part = [];
      chars = 0;
    }
    part.push(json);
    chars += json.length + 1;
  }
  if (part.length > 0) batches.push(`${head}${part.join(',')}]}`);
  return batches;
}

function stream(batches: string[]): void {
  if (!port) return;
  rejectedStreamed = rejected;
  const message: RelayToPanelMap['records'] & { type: 'records' } = { type: 'records', source, batches, rejected };
  try {
    port.postMessage(message);
  } catch {
    port = null;
  }
}

function startStreaming(cursors: Record<string, number>): void {
  if (port) return;
  try {
    port = browser.runtime.connect({ name: RELAY_PORT_NAME });
  } catch {
    port = null;
    return;
  }
  port.onDisconnect.addListener(() => {
    port = null;
  });
  if (restoredAt !== null) {
    const navigated: RelayToPanelMap['navigated'] & { type: 'navigated' } = { type: 'navigated', source, time: restoredAt };
    port.postMessage(navigated);
    restoredAt = null;
  }
  stream(replayBatches(buffer.since(cursors[source.docId] ?? 0)));
}

browser.runtime.onMessage.addListener((message: unknown) => {
  const m = message as { type?: unknown } & Partial<BackgroundToRelayMap['replay']>;
  if (m?.type === 'replay' && typeof m.cursors === 'object' && m.cursors !== null) startStreaming(m.cursors);
  return undefined;
});

function onPageHiding(): void {
  hiding = true;
}

function onPageHidden(event: PageTransitionEvent): void {
  if (!event.persisted || !port) return;
  // Chromium closes extension ports of a page entering the back/forward cache
  // without telling it; let go of ours so the background's next ask reconnects.
  try {
    port.disconnect();
  } catch {
    // already gone
  }
  port = null;
}

function onPageShow(event: PageTransitionEvent): void {
  hiding = false;
  if (event.persisted) restoredAt = Date.now();
}

function listenToPage(): void {
  // Adding the same listener twice is a no-op, so this is safe to repeat.
  window.addEventListener(PAGE_TO_RELAY_EVENT, onPageMessage, true);
  window.addEventListener('pagehide', onPageHiding, true);
  // Not a capture listener: it runs after the hook's (capture) pagehide flush was read and streamed.
  window.addEventListener('pagehide', onPageHidden);
  window.addEventListener('pageshow', onPageShow, true);
}

function applySettings(stored: unknown): void {
  const settings = readCaptureSettings(stored);
  buffer.setCapacity(settings.bufferRecords);
  if (settings.previewChars !== hookSettings.previewChars) {
    hookSettings = { previewChars: settings.previewChars };
    answerPage();
  }
}

listenToPage();
// The hook starts with the defaults at once; stored settings follow as soon as they are read.
browser.storage.local.get(CAPTURE_SETTINGS_KEY).then(
  (items) => applySettings(items[CAPTURE_SETTINGS_KEY]),
  () => {},
);
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && CAPTURE_SETTINGS_KEY in changes) applySettings(changes[CAPTURE_SETTINGS_KEY]!.newValue);
});
// document.open() (e.g. document.write into an about:blank frame) erases every
// listener of the window, ours included, and replaces the document's children:
// listen again whenever that happens.
new MutationObserver(listenToPage).observe(document, { childList: true });
// The hook may have said hello before we listened: answer unasked too.
answerPage();
