// The relay: a self-contained IIFE in the ISOLATED world of every frame, at
// document_start, listed before the page hook. It keeps a bounded history of
// what the hook sends and streams it to the background only while a panel is
// attached to this tab. Batches as the hook writes them are kept and
// forwarded as text, by their headers (batch-text.ts), unparsed: the panel
// checks every record. Anything else from the page (the page can forge it)
// goes through the guard here, record by record.

import browser, { type Runtime } from '../platform/browser-api';
import {
  DEFAULT_HOOK_SETTINGS,
  PAGE_TO_RELAY_EVENT,
  RELAY_PORT_NAME,
  RELAY_TO_PAGE_EVENT,
  envelope,
  type BackgroundToRelayMap,
  type DocumentSource,
  type HookSettings,
  type RelayToPageMap,
  type RelayToPanelMap,
} from '../protocol/envelope';
import { readBatchHeader, textBatch } from '../protocol/batch-text';
import { readPageMessage } from '../protocol/guard';
import { CAPTURE_SETTINGS_KEY, readCaptureSettings } from '../protocol/settings';
import type { PageRecord } from '../protocol/records';
import { BatchBuffer, DEFAULT_BUFFER_RECORDS } from './record-buffer';


/** 128 random bits as hex. Not crypto.randomUUID: plain-http pages are no secure context, content scripts included. */
function randomDocumentId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

const source: DocumentSource = {
  docId: randomDocumentId(),
  frameUrl: location.href,
  isTop: window === window.top,
};
/** A batch's records, when the history must shed some of them (invalid ones simply go with them). */
function recordsOf(text: string): PageRecord[] {
  const message = readPageMessage(text);
  return message?.type === 'batch' ? message.records : [];
}
const buffer = new BatchBuffer(DEFAULT_BUFFER_RECORDS, DEFAULT_HOOK_SETTINGS.previewChars, recordsOf);
let lastSeq = 0;
let rejected = 0;
/** `rejected` as the attached panel last heard it. */
let rejectedStreamed = 0;
let port: Runtime.Port | null = null;
/** What the hook is told besides whether a panel is attached (that is `port`, read when answering). */
let hookSettings: Omit<HookSettings, 'attached'> = {
  previewChars: DEFAULT_HOOK_SETTINGS.previewChars,
  historyRecords: DEFAULT_HOOK_SETTINGS.historyRecords,
};

/**
 * Tells the hook we are here, with which settings, and whether a panel is
 * attached (it listens for updates too): while none is, the hook holds its
 * records unwritten and sends them when one attaches.
 */
function answerPage(): void {
  const settings: HookSettings = { ...hookSettings, attached: port !== null };
  const message = envelope<RelayToPageMap, 'ready'>('ready', { settings });
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
 * Keeps one message from the page and returns what a panel should get of it
 * (a batch as JSON text), or null. A batch as the hook writes it, continuing
 * the sequence, is kept and returned as it is: forwarding a string costs the
 * page nothing, where parsing and cloning thousands of records would cost it
 * dearly. Anything else is checked record by record and re-written.
 */
function readPageDetail(detail: unknown): string | null {
  if (typeof detail === 'string') {
    const header = readBatchHeader(detail);
    if (header && header.first > lastSeq) {
      lastSeq = header.last;
      buffer.push({ ...header, text: detail });
      return detail;
    }
  }
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
    accepted.push(record);
  }
  if (accepted.length === 0) return null;
  const batch = textBatch(accepted);
  buffer.push(batch);
  return batch.text;
}

function stream(batches: string[]): void {
  if (!port) return;
  rejectedStreamed = rejected;
  const message: RelayToPanelMap['records'] & { type: 'records' } = { type: 'records', source, batches, rejected };
  try {
    port.postMessage(message);
  } catch {
    detach();
  }
}

/** The panel's port is gone: the hook holds its records again. */
function detach(): void {
  if (port === null) return;
  port = null;
  answerPage();
}

function startStreaming(cursors: Record<string, number>): void {
  if (port) return;
  try {
    port = browser.runtime.connect({ name: RELAY_PORT_NAME });
  } catch {
    port = null;
    return;
  }
  port.onDisconnect.addListener(detach);
  if (restoredAt !== null) {
    const navigated: RelayToPanelMap['navigated'] & { type: 'navigated' } = { type: 'navigated', source, time: restoredAt };
    port.postMessage(navigated);
    restoredAt = null;
  }
  stream(buffer.since(cursors[source.docId] ?? 0));
  // The hook sends what it held (newer than all of the above) at once.
  if (port) answerPage();
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
  detach();
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
  buffer.setLimits(settings.bufferRecords, settings.previewChars);
  if (settings.previewChars !== hookSettings.previewChars || settings.bufferRecords !== hookSettings.historyRecords) {
    hookSettings = { previewChars: settings.previewChars, historyRecords: settings.bufferRecords };
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
