// Runs in the page's MAIN world. Numbers records, batches them per frame and
// hands them to the relay (ISOLATED world) as JSON text on a private DOM
// event. Lifecycle records become JSON when emitted; frame records are
// numbered and timed when they happen but written in the flush, so a page's
// send() or message handler pays for a small object, not for the analysis.
// While no panel is attached (the relay says so) nothing is written: the
// noted records are held, as many as the relay's history would keep, and go
// out when a panel attaches.

import {
  DEFAULT_HOOK_SETTINGS,
  PAGE_TO_RELAY_EVENT,
  PROTOCOL_TAG,
  PROTOCOL_VERSION,
  RELAY_TO_PAGE_EVENT,
  type HookSettings,
} from '../protocol/envelope';
import type { PageRecordMap, PageRecordType } from '../protocol/records';
import type { Natives } from './natives';
import { fieldsJson, frameTupleJson, timeJson } from './record-json';

/** Records held while the relay has not answered yet (it normally answers at once). */
const MAX_PENDING_BEFORE_READY = 10_000;
/**
 * Batches go out per frame (~16 ms), not per task: a chatty page then pays one
 * crossing to the relay for hundreds of messages, and a page's tight send()
 * loop is never interrupted to write records. When FLUSH_SOON_RECORDS records
 * wait, they are written as soon as the page's current task ends (a
 * microtask): a flood of incoming messages then cannot outrun the timer.
 * Writing them inside the task would make the page's loop wait and free
 * nothing (the relay reads what it is handed at that same microtask), so
 * only past FLUSH_NOW_RECORDS records, or FLUSH_NOW_CHARS characters of
 * payload strings (or bytes of binary heads) kept until their record is written, is one long task
 * interrupted, to bound memory. pagehide flushes what is left (while a
 * panel is attached).
 */
const FLUSH_DELAY_MS = 16;
/**
 * While a page is busy (its last flush wrote BUSY_FLUSH_RECORDS records or
 * more, some 4,000 a second), batches go out every BUSY_FLUSH_DELAY_MS
 * instead: each crossing to the panel costs every process on the way (the
 * relay's port, the browser, the worker, the panel) a fixed share of the
 * machine's cores, which a page streaming thousands of frames a second would
 * feel; a tenth of a second is still live to whoever reads the panel. The
 * first quiet flush brings the frame rate back.
 */
const BUSY_FLUSH_RECORDS = 64;
const BUSY_FLUSH_DELAY_MS = 100;
const FLUSH_SOON_RECORDS = 65_536;
const FLUSH_NOW_RECORDS = 262_144;
const FLUSH_NOW_CHARS = 16 * 1024 * 1024;
/** One message to the relay holds at most this many records or characters (its guard takes 50,000 and 64 MiB). */
const BATCH_RECORDS = 2048;
const BATCH_CHARS = 8 * 1024 * 1024;
/**
 * Sent-frame records of one burst share a clock reading for up to this many
 * records. performance.now() costs a quarter of the hook's work in a send()
 * (~70 ns in Chromium): a page's send() loop reads it about once per 16 calls.
 * The reading expires when the page's script returns (a cheap microtask), so
 * frames of separate tasks are timed apart. Every other record, an incoming
 * frame included, takes a fresh reading, which keeps times in seq order.
 */
const CLOCK_READING_USES = 16;
/**
 * A sent frame shares its reading only when this many fresh readings before
 * it came out equal (the clock ticks every 100 µs in Chromium): a burst of
 * send() calls in one task. A page that sends one message per task (an echo
 * in its message listener, a timer) then queues no microtask at all: the
 * expiry costs more than the reading it saves.
 */
const BURST_READINGS = 3;

export interface RecordChannel {
  settings: HookSettings;
  /** A record whose body is a plain tree of the hook's own making. */
  emit<K extends PageRecordType>(type: K, socket: number, body: PageRecordMap[K], time?: number): void;
  /** A record whose body the caller has written as JSON members already (`"kind":"text","size":3,…`). */
  emitFields(type: PageRecordType, socket: number, fields: string, time?: number): void;
  /**
   * Text frames, the hot path: noted now (numbers into typed arrays, the
   * string by reference: a string cannot change) and written in the flush
   * by the channel's TextFrameWriters, so the page's send() or message
   * dispatch allocates nothing for them.
   */
  emitSentText(socket: number, text: string, readyState: number, closeRequested: boolean, bufferedAmount: number, thrown: string | null): void;
  emitReceivedText(socket: number, text: string): void;
  /**
   * Binary frames (ArrayBuffer or view): the first `headLength` bytes are
   * copied now into the channel's byte pool (the page may change or detach
   * its buffer once send() or its listener returns); their hex preview and
   * JSON are written in the flush, or never, if the record is shed first.
   */
  emitSentBytes(
    socket: number,
    kind: BinarySentKind,
    head: Uint8Array,
    headLength: number,
    size: number,
    readyState: number,
    closeRequested: boolean,
    bufferedAmount: number,
    thrown: string | null,
  ): void;
  emitReceivedBytes(socket: number, head: Uint8Array, headLength: number, size: number): void;
  /**
   * Takes the next place in the record order for a record whose body is
   * known only later (a Blob's bytes are read asynchronously). Records
   * emitted meanwhile wait behind it, so the relay gets every record in the
   * order things happened, with growing sequence numbers.
   */
  reserve<K extends PageRecordType>(type: K, socket: number): (body: PageRecordMap[K]) => void;
  now(): number;
}

export type BinarySentKind = 'arraybuffer' | 'view';

/** Writes a frame's items after its socket (record-json.ts: frameTupleJson), in the flush. `head` holds the first `headLength` bytes of a binary frame. */
export interface FrameWriters {
  sent(text: string, readyState: number, closeRequested: boolean, bufferedAmount: number, thrown: string | null, previewChars: number): string;
  received(text: string, previewChars: number): string;
  sentBytes(
    kind: BinarySentKind,
    head: Uint8Array,
    headLength: number,
    size: number,
    readyState: number,
    closeRequested: boolean,
    bufferedAmount: number,
    thrown: string | null,
    previewChars: number,
  ): string;
  receivedBytes(head: Uint8Array, headLength: number, size: number, previewChars: number): string;
}

/** What a pending slot holds: a record's JSON (lifecycle or frame), or a frame still to be written. */
const JSON_LIFECYCLE = 0;
const JSON_FRAME = 3;
const SENT_TEXT = 1;
const RECEIVED_TEXT = 2;
const SENT_ARRAYBUFFER = 4;
const SENT_VIEW = 5;
const RECEIVED_BYTES = 6;
/** The slot kind of a record written as JSON when emitted (the batch header counts lifecycle records). */
const jsonKind = (type: PageRecordType) => (type === 'sent' || type === 'received' ? JSON_FRAME : JSON_LIFECYCLE);
/**
 * Numbers per pending slot: seq, time, socket, readyState (+8 once close()
 * was called), bufferedAmount, and for a binary frame where its head is in
 * the byte pool, how many bytes of it, and the frame's size.
 */
const STRIDE = 8;
const POOL_OFFSET = 5;
const HEAD_LENGTH = 6;
const SIZE = 7;
/** The byte pool's size when empty; after a flush that leaves it empty, a pool grown past POOL_SHRINK_ABOVE is given back. */
const POOL_BYTES = 64 * 1024;
const POOL_SHRINK_ABOVE = 1024 * 1024;
const CLOSE_REQUESTED = 8;

/** A reserved place: its record (as JSON) once the body is known. */
interface Slot {
  json: string | null;
  seq: number;
  kind: number;
}

/** A page → relay message as JSON text: the envelope of envelope.ts, {tag, v, type, ...body}, written out. */
export const pageMessageJson = (type: 'hello' | 'batch', bodyJson: string, stringify: (value: string) => string): string =>
  `{"tag":${stringify(PROTOCOL_TAG)},"v":${PROTOCOL_VERSION},"type":"${type}"${bodyJson}}`;

/**
 * A batch's body: its header first (BatchHeader: seq range and counts, so
 * the relay can keep and forward it unparsed), then its records' JSON.
 */
export const batchBodyJson = (first: number, last: number, count: number, lifecycle: number, recordsJson: string): string =>
  `,"first":${first},"last":${last},"count":${count},"lifecycle":${lifecycle},"records":[${recordsJson}]`;

export function openRecordChannel(win: Window, n: Natives, writers: FrameWriters): RecordChannel {
  let seq = 0;
  let ready = false;
  let flushScheduled = false;
  /** FLUSH_DELAY_MS, or BUSY_FLUSH_DELAY_MS after a busy flush. */
  let flushDelay = FLUSH_DELAY_MS;
  /** A flush waits for the end of the current task (FLUSH_SOON_RECORDS). */
  let flushSoon = false;
  /**
   * Records waiting for the flush, in order. Slot i is kinds[i], texts[i]
   * (the JSON, or the frame's text), thrown[i] and numbers[i * STRIDE…].
   * texts and thrown are prototype-less tables (n.slotTable): storing into
   * a new slot never reaches a setter a page may have put on a prototype.
   */
  let slots = 1024; // never read through a typed array's `length`: a page may redefine that getter
  let kinds = new n.Uint8Array(slots);
  let numbers = new n.Float64Array(slots * STRIDE);
  const texts = n.slotTable<string>();
  const thrown = n.slotTable<string | null>();
  let pendingCount = 0;
  /** Payload kept for the pending records: characters of their strings, bytes of their binary heads. */
  let pendingChars = 0;
  /** Heads of pending binary frames, back to back in slot order; `poolSize` is read here, never through `length` (a page may redefine it). */
  let poolBuffer = new n.ArrayBuffer(POOL_BYTES);
  let pool = new n.Uint8Array(poolBuffer);
  let poolSize = POOL_BYTES;
  let poolUsed = 0;
  /** Records behind an unfilled reservation (empty when none is outstanding). */
  let held: Slot[] = [];
  const settings: HookSettings = { ...DEFAULT_HOOK_SETTINGS };

  const post = (type: 'hello' | 'batch', bodyJson: string) => {
    const detail = pageMessageJson(type, bodyJson, n.stringify);
    const event = new n.CustomEvent(PAGE_TO_RELAY_EVENT, n.bare({ detail }));
    n.apply(n.dispatchEvent, win, [event]);
  };

  /** `{"type":…,"seq":…,"time":…,"socket":…` of a record: the caller adds its fields and the brace. */
  const header = (type: PageRecordType, recordSeq: number, time: number, socket: number) =>
    `{"type":"${type}","seq":${recordSeq},"time":${timeJson(time)},"socket":${socket}`;
  const withFields = (start: string, fields: string) => `${start}${fields === '' ? '' : ','}${fields}}`;

  const writeFrame = (i: number, kind: number, text: string): string => {
    const at = i * STRIDE;
    const state = numbers[at + 3]!;
    const readyState = state % CLOSE_REQUESTED;
    const closeRequested = state >= CLOSE_REQUESTED;
    const max = settings.previewChars;
    let fields: string;
    if (kind === SENT_TEXT) fields = writers.sent(text, readyState, closeRequested, numbers[at + 4]!, thrown[i]!, max);
    else if (kind === RECEIVED_TEXT) fields = writers.received(text, max);
    else {
      const length = numbers[at + HEAD_LENGTH]!;
      const head = new n.Uint8Array(poolBuffer, numbers[at + POOL_OFFSET]!, length);
      fields =
        kind === RECEIVED_BYTES
          ? writers.receivedBytes(head, length, numbers[at + SIZE]!, max)
          : writers.sentBytes(
              kind === SENT_VIEW ? 'view' : 'arraybuffer',
              head,
              length,
              numbers[at + SIZE]!,
              readyState,
              closeRequested,
              numbers[at + 4]!,
              thrown[i]!,
              max,
            );
    }
    const type = kind === SENT_TEXT || kind === SENT_ARRAYBUFFER || kind === SENT_VIEW ? 'sent' : 'received';
    return frameTupleJson(type, numbers[at]!, numbers[at + 1]!, numbers[at + 2]!, fields);
  };

  const flush = () => {
    flushScheduled = false;
    flushSoon = false;
    if (!ready || pendingCount === 0) return;
    const count = pendingCount;
    flushDelay = count >= BUSY_FLUSH_RECORDS ? BUSY_FLUSH_DELAY_MS : FLUSH_DELAY_MS;
    pendingCount = 0;
    pendingChars = 0;
    let json = '';
    let inBatch = 0;
    let first = 0;
    let lifecycle = 0;
    const postBatch = (last: number) => post('batch', batchBodyJson(first, last, inBatch, lifecycle, json));
    for (let i = 0; i < count; i++) {
      const kind = kinds[i]!;
      const text = texts[i]!;
      let record: string | null;
      try {
        record = kind === JSON_LIFECYCLE || kind === JSON_FRAME ? text : writeFrame(i, kind, text);
      } catch {
        record = null; // its seq stays a gap: the panel counts it as missed
      }
      texts[i] = ''; // let the payloads go
      thrown[i] = null;
      if (record === null) continue;
      if (inBatch === 0) first = numbers[i * STRIDE]!;
      if (kind === JSON_LIFECYCLE) lifecycle++;
      json = json === '' ? record : `${json},${record}`;
      if (++inBatch === BATCH_RECORDS || json.length >= BATCH_CHARS) {
        postBatch(numbers[i * STRIDE]!);
        json = '';
        inBatch = 0;
        lifecycle = 0;
      }
    }
    if (inBatch > 0) postBatch(numbers[(count - 1) * STRIDE]!);
    // (A page listening for our event could have sent meanwhile: its bytes stay.)
    if (pendingCount === 0) emptyPool();
  };

  const emptyPool = () => {
    poolUsed = 0;
    if (poolSize > POOL_SHRINK_ABOVE) {
      poolBuffer = new n.ArrayBuffer(POOL_BYTES);
      pool = new n.Uint8Array(poolBuffer);
      poolSize = POOL_BYTES;
    }
  };

  /** Copies `length` bytes of `head` to the end of the pool (grown by doubling); returns where they went. */
  const keepBytes = (head: Uint8Array, length: number): number => {
    if (poolUsed + length > poolSize) {
      let size = poolSize * 2;
      while (size < poolUsed + length) size *= 2;
      const buffer = new n.ArrayBuffer(size);
      const bigger = new n.Uint8Array(buffer);
      n.apply(n.typedArraySet, bigger, [new n.Uint8Array(poolBuffer, 0, poolUsed), 0]);
      poolBuffer = buffer;
      pool = bigger;
      poolSize = size;
    }
    const offset = poolUsed;
    if (length > 0) n.apply(n.typedArraySet, pool, [head, offset]);
    poolUsed += length;
    return offset;
  };

  /** The next free slot, growing the typed arrays when full (copied by hand: TypedArray#set is page-replaceable). */
  const takeSlot = (): number => {
    if (pendingCount === slots) {
      const moreKinds = new n.Uint8Array(slots * 2);
      const moreNumbers = new n.Float64Array(slots * 2 * STRIDE);
      for (let i = 0; i < slots; i++) moreKinds[i] = kinds[i]!;
      for (let i = 0; i < slots * STRIDE; i++) moreNumbers[i] = numbers[i]!;
      kinds = moreKinds;
      numbers = moreNumbers;
      slots *= 2;
    }
    return pendingCount++;
  };

  /**
   * After a slot was filled. With no panel attached: hold, shedding the
   * oldest frames past twice the history's capacity, and write only past
   * FLUSH_NOW_CHARS (payload strings held by reference). With one: flush now
   * past the bounds, at the end of the task past FLUSH_SOON_RECORDS, else
   * make sure a flush is coming.
   */
  const shipped = (chars: number) => {
    pendingChars += chars;
    if (!settings.attached) {
      if (ready && pendingChars >= FLUSH_NOW_CHARS) flush();
      else if (pendingCount >= 2 * settings.historyRecords) shed(settings.historyRecords);
      return;
    }
    if (ready && (pendingCount >= FLUSH_NOW_RECORDS || pendingChars >= FLUSH_NOW_CHARS)) flush();
    else if (ready && pendingCount >= FLUSH_SOON_RECORDS && !flushSoon) {
      flushSoon = true;
      n.queueMicrotask(flushWhileAttached);
    } else if (!flushScheduled) {
      flushScheduled = true;
      n.setTimeout(flushWhileAttached, flushDelay);
    }
  };

  /** A flush that was scheduled while a panel was attached; it may have gone meanwhile. */
  const flushWhileAttached = () => {
    if (settings.attached) flush();
    else flushScheduled = flushSoon = false;
  };

  /**
   * Keeps the newest `keep` held records, as the relay's history would:
   * frames go first, oldest first, lifecycle records only when no frame is
   * left. A shed record's seq is a gap the panel counts as dropped.
   */
  const shed = (keep: number) => {
    const count = pendingCount;
    if (count <= keep) return;
    let lifecycle = 0;
    for (let i = 0; i < count; i++) if (kinds[i] === JSON_LIFECYCLE) lifecycle++;
    const frames = count - lifecycle;
    let dropFrames = count - keep < frames ? count - keep : frames;
    let dropLifecycle = count - keep - dropFrames;
    let kept = 0;
    let chars = 0;
    let used = 0;
    for (let i = 0; i < count; i++) {
      const kind = kinds[i]!;
      if (kind === JSON_LIFECYCLE ? dropLifecycle > 0 : dropFrames > 0) {
        if (kind === JSON_LIFECYCLE) dropLifecycle--;
        else dropFrames--;
        continue;
      }
      if (kept !== i) {
        kinds[kept] = kind;
        for (let k = 0; k < STRIDE; k++) numbers[kept * STRIDE + k] = numbers[i * STRIDE + k]!;
        texts[kept] = texts[i]!;
        thrown[kept] = thrown[i]!;
      }
      chars += texts[kept]!.length;
      if (kind >= SENT_ARRAYBUFFER) {
        // Kept heads move to the front of the pool, in order (set copies overlapping bytes as memmove does).
        const at = kept * STRIDE;
        const length = numbers[at + HEAD_LENGTH]!;
        const from = numbers[at + POOL_OFFSET]!;
        if (from !== used) n.apply(n.typedArraySet, pool, [new n.Uint8Array(poolBuffer, from, length), used]);
        numbers[at + POOL_OFFSET] = used;
        used += length;
        chars += length;
      }
      kept++;
    }
    poolUsed = used;
    for (let i = kept; i < count; i++) {
      texts[i] = ''; // let the payloads go
      thrown[i] = null;
    }
    pendingCount = kept;
    pendingChars = chars;
  };

  const ship = (json: string, recordSeq: number, kind: number) => {
    const i = takeSlot();
    kinds[i] = kind;
    numbers[i * STRIDE] = recordSeq;
    texts[i] = json;
    thrown[i] = null;
    shipped(json.length);
  };

  const shipText = (kind: number, socket: number, text: string, state: number, bufferedAmount: number, thrownName: string | null, time: number) => {
    const i = takeSlot();
    kinds[i] = kind;
    texts[i] = text;
    thrown[i] = thrownName;
    const at = i * STRIDE;
    numbers[at] = ++seq;
    numbers[at + 1] = time;
    numbers[at + 2] = socket;
    numbers[at + 3] = state;
    numbers[at + 4] = bufferedAmount;
    shipped(text.length); // kept whole until the flush
  };

  const shipBytes = (kind: number, socket: number, head: Uint8Array, headLength: number, size: number, state: number, bufferedAmount: number, thrownName: string | null, time: number) => {
    const offset = keepBytes(head, headLength);
    const i = takeSlot();
    kinds[i] = kind;
    texts[i] = '';
    thrown[i] = thrownName;
    const at = i * STRIDE;
    numbers[at] = ++seq;
    numbers[at + 1] = time;
    numbers[at + 2] = socket;
    numbers[at + 3] = state;
    numbers[at + 4] = bufferedAmount;
    numbers[at + POOL_OFFSET] = offset;
    numbers[at + HEAD_LENGTH] = headLength;
    numbers[at + SIZE] = size;
    shipped(headLength); // bytes held in the pool
  };

  /** Ships the filled front of `held`; past the cap, unfilled places are given up (a gap in seq is fine). */
  const release = () => {
    const giveUp = held.length > MAX_PENDING_BEFORE_READY;
    let i = 0;
    for (; i < held.length && (held[i]!.json !== null || giveUp); i++) {
      const slot = held[i]!;
      if (slot.json !== null) ship(slot.json, slot.seq, slot.kind);
    }
    held = i === held.length ? [] : n.arraySlice(held, i);
  };

  const onRelay = (event: Event) => {
    const message = readReady(n, event);
    if (!message) return;
    settings.previewChars = message.previewChars;
    settings.attached = message.attached;
    settings.historyRecords = message.historyRecords;
    ready = true;
    // A panel attaching gets what the relay's history would hold by now.
    shed(settings.historyRecords);
    if (settings.attached) flush();
  };
  const listen = () => {
    n.apply(n.addEventListener, win, [RELAY_TO_PAGE_EVENT, onRelay, true]);
    // A page going away must not take its last records with it (while no panel
    // is attached they stay held here: a document kept in the back/forward cache
    // keeps them, one that is destroyed takes its relay's history with it too).
    n.apply(n.addEventListener, win, ['pagehide', flushWhileAttached, true]);
  };
  listen();
  post('hello', '');
  // document.open() (document.write into an about:blank frame) erases every
  // listener of the window, ours included: listen again whenever the
  // document's children are replaced, and say hello so the relay answers
  // with whether a panel is attached. (Adding the same listener twice is a no-op.)
  try {
    const observer = new n.MutationObserver(() => {
      listen();
      post('hello', '');
    });
    n.apply(n.observe, observer, [n.document, n.bare({ childList: true })]);
  } catch {
    // Capture still works in this document until it is re-opened.
  }

  const now = () => n.timeOrigin + n.now();
  let clockReading = 0;
  let clockUsesLeft = 0;
  let clockExpiryQueued = false;
  const expireClockReading = () => {
    clockUsesLeft = 0;
    clockExpiryQueued = false;
  };
  /** Lets the task's next sent-frame records share `reading`; it expires when the page's script returns. */
  const share = (reading: number) => {
    clockReading = reading;
    clockUsesLeft = CLOCK_READING_USES;
    if (!clockExpiryQueued) {
      clockExpiryQueued = true;
      n.cheapMicrotask(expireClockReading);
    }
    return reading;
  };
  /** A fresh reading, which the task's next sent-frame records may share. */
  const readClock = () => share(now());
  /** The last fresh reading of a sent frame, and how many before it in a row were equal to it. */
  let lastSentReading = -1;
  let equalReadings = 0;
  /**
   * A sent frame's time: the task's shared reading while it has uses left,
   * else a fresh one, which is shared only inside a burst (BURST_READINGS).
   */
  const frameTime = () => {
    if (clockUsesLeft > 0) {
      clockUsesLeft--;
      return clockReading;
    }
    const reading = now();
    equalReadings = reading === lastSentReading ? equalReadings + 1 : 0;
    lastSentReading = reading;
    return equalReadings >= BURST_READINGS ? share(reading) : reading;
  };
  /**
   * An incoming frame's reading, not shared: its message event is a task of
   * its own, and the microtask checkpoint after our listener would expire a
   * shared reading before the page's listener runs. Queueing that expiry
   * cost more than the reading (a microtask per message, measured); the
   * next frame record reads the clock afresh.
   */
  const incomingTime = () => {
    clockUsesLeft = 0;
    return now();
  };
  const timeOf = (type: PageRecordType) => (type === 'received' ? incomingTime() : type === 'sent' ? frameTime() : readClock());
  const full = () => !ready && pendingCount + held.length >= MAX_PENDING_BEFORE_READY;
  /** `fields`: JSON members of the record, or with `tuple` a frame's items after its socket (FrameWriters). */
  const emitJson = (type: PageRecordType, socket: number, fields: string, time: number, tuple = false) => {
    if (full()) {
      seq++; // the gap tells the panel a record is missing
      return;
    }
    const recordSeq = ++seq;
    const json =
      tuple && (type === 'sent' || type === 'received')
        ? frameTupleJson(type, recordSeq, time, socket, fields)
        : withFields(header(type, recordSeq, time, socket), fields);
    const kind = jsonKind(type);
    if (held.length === 0) ship(json, recordSeq, kind);
    else {
      n.append(held, { json, seq: recordSeq, kind });
      release();
    }
  };
  return {
    settings,
    now,
    emit(type, socket, body, time = timeOf(type)) {
      emitJson(type, socket, fieldsJson(body, n), time);
    },
    emitFields(type, socket, fields, time = timeOf(type)) {
      emitJson(type, socket, fields, time);
    },
    emitSentText(socket, text, readyState, closeRequested, bufferedAmount, thrownName) {
      const state = readyState + (closeRequested ? CLOSE_REQUESTED : 0);
      if (held.length > 0) {
        // Behind a reservation: written now, in its place.
        const max = settings.previewChars;
        emitJson('sent', socket, writers.sent(text, readyState, closeRequested, bufferedAmount, thrownName, max), readClock(), true);
      } else if (full()) seq++;
      else shipText(SENT_TEXT, socket, text, state, bufferedAmount, thrownName, frameTime());
    },
    emitReceivedText(socket, text) {
      if (held.length > 0) emitJson('received', socket, writers.received(text, settings.previewChars), incomingTime(), true);
      else if (full()) seq++;
      else shipText(RECEIVED_TEXT, socket, text, 0, 0, null, incomingTime());
    },
    emitSentBytes(socket, kind, head, headLength, size, readyState, closeRequested, bufferedAmount, thrownName) {
      if (held.length > 0) {
        const max = settings.previewChars;
        const fields = writers.sentBytes(kind, head, headLength, size, readyState, closeRequested, bufferedAmount, thrownName, max);
        emitJson('sent', socket, fields, readClock(), true);
      } else if (full()) seq++;
      else {
        const state = readyState + (closeRequested ? CLOSE_REQUESTED : 0);
        shipBytes(kind === 'view' ? SENT_VIEW : SENT_ARRAYBUFFER, socket, head, headLength, size, state, bufferedAmount, thrownName, frameTime());
      }
    },
    emitReceivedBytes(socket, head, headLength, size) {
      if (held.length > 0) emitJson('received', socket, writers.receivedBytes(head, headLength, size, settings.previewChars), incomingTime(), true);
      else if (full()) seq++;
      else shipBytes(RECEIVED_BYTES, socket, head, headLength, size, 0, 0, null, incomingTime());
    },
    reserve(type, socket) {
      if (full()) {
        seq++;
        return () => {};
      }
      const slot: Slot = { json: null, seq: ++seq, kind: jsonKind(type) };
      const start = header(type, slot.seq, readClock(), socket);
      n.append(held, slot);
      return (body) => {
        slot.json = withFields(start, fieldsJson(body, n));
        release();
      };
    },
  };
}

function readReady(n: Natives, event: Event): HookSettings | null {
  try {
    const detail = n.eventDetail(event);
    if (typeof detail !== 'string') return null;
    const message = n.parse(detail) as unknown;
    // JSON.parse makes own properties only; a missing one would be looked up on Object.prototype.
    const own = (o: unknown, key: string) =>
      typeof o === 'object' && o !== null && n.getOwnPropertyDescriptor(o, key) ? (o as Record<string, unknown>)[key] : undefined;
    const fields = own(message, 'settings');
    const chars = own(fields, 'previewChars');
    if (own(message, 'type') !== 'ready' || typeof chars !== 'number' || !(chars >= 0 && chars <= 65_536)) return null;
    const attached = own(fields, 'attached');
    const history = own(fields, 'historyRecords');
    return {
      previewChars: chars - (chars % 1),
      // A relay that does not say streams as before: every record written and sent.
      attached: attached !== false,
      historyRecords: typeof history === 'number' && history >= 1 && history <= 1_000_000 ? history - (history % 1) : DEFAULT_HOOK_SETTINGS.historyRecords,
    };
  } catch {
    return null;
  }
}
