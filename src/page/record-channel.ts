// Runs in the page's MAIN world. Numbers records, batches them per frame and
// hands them to the relay (ISOLATED world) as JSON text on a private DOM
// event. A record becomes JSON the moment it is emitted: no payload object
// is kept, and the batch is one string.

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
import { fieldsJson, timeJson } from './record-json';

/** Records held while the relay has not answered yet (it normally answers at once). */
const MAX_PENDING_BEFORE_READY = 10_000;
/**
 * Batches go out per frame (~16 ms), not per task: a chatty page then pays one
 * crossing to the relay for hundreds of messages. A batch that grows past
 * FLUSH_NOW_RECORDS (or FLUSH_NOW_CHARS) goes at once, and pagehide flushes what is left.
 */
const FLUSH_DELAY_MS = 16;
const FLUSH_NOW_RECORDS = 2048;
/** Or past this much JSON text (large previews), well inside the relay guard's batch limit. */
const FLUSH_NOW_CHARS = 8 * 1024 * 1024;

export interface RecordChannel {
  settings: HookSettings;
  /** A record whose body is a plain tree of the hook's own making. */
  emit<K extends PageRecordType>(type: K, socket: number, body: PageRecordMap[K], time?: number): void;
  /**
   * The hot path for frames: a record whose body the caller has written as
   * JSON members already (`"kind":"text","size":3,…`, see record-json.ts).
   */
  emitFields(type: PageRecordType, socket: number, fields: string, time?: number): void;
  /**
   * Takes the next place in the record order for a record whose body is
   * known only later (a Blob's bytes are read asynchronously). Records
   * emitted meanwhile wait behind it, so the relay gets every record in the
   * order things happened, with growing sequence numbers.
   */
  reserve<K extends PageRecordType>(type: K, socket: number): (body: PageRecordMap[K]) => void;
  now(): number;
}

/** A reserved place: its record (as JSON) once the body is known. */
interface Slot {
  json: string | null;
}

export function openRecordChannel(win: Window, n: Natives): RecordChannel {
  let seq = 0;
  let ready = false;
  let flushScheduled = false;
  /**
   * Records ready to go, already as JSON and joined by commas: a record
   * costs the page one string concatenation (a rope, flattened once in the
   * flush), no object and no array growth.
   */
  let pending = '';
  let pendingCount = 0;
  /** Records behind an unfilled reservation (empty when none is outstanding). */
  let held: Slot[] = [];
  const settings: HookSettings = { ...DEFAULT_HOOK_SETTINGS };

  // The envelope of envelope.ts, written out: {tag, v, type, ...body}.
  const post = (type: 'hello' | 'batch', bodyJson: string) => {
    const detail = `{"tag":${n.stringify(PROTOCOL_TAG)},"v":${PROTOCOL_VERSION},"type":"${type}"${bodyJson}}`;
    const event = new n.CustomEvent(PAGE_TO_RELAY_EVENT, n.bare({ detail }));
    n.apply(n.dispatchEvent, win, [event]);
  };

  const flush = () => {
    flushScheduled = false;
    if (!ready || pendingCount === 0) return;
    const records = pending;
    pending = '';
    pendingCount = 0;
    post('batch', `,"records":[${records}]`);
  };

  const ship = (json: string) => {
    pending = pendingCount === 0 ? json : `${pending},${json}`;
    pendingCount++;
    if (ready && (pendingCount >= FLUSH_NOW_RECORDS || pending.length >= FLUSH_NOW_CHARS)) flush();
    else if (!flushScheduled) {
      flushScheduled = true;
      n.setTimeout(flush, FLUSH_DELAY_MS);
    }
  };

  /** Ships the filled front of `held`; past the cap, unfilled places are given up (a gap in seq is fine). */
  const release = () => {
    const giveUp = held.length > MAX_PENDING_BEFORE_READY;
    let i = 0;
    for (; i < held.length && (held[i]!.json !== null || giveUp); i++) {
      const json = held[i]!.json;
      if (json !== null) ship(json);
    }
    held = i === held.length ? [] : n.arraySlice(held, i);
  };

  n.apply(n.addEventListener, win, [
    RELAY_TO_PAGE_EVENT,
    (event: Event) => {
      const message = readReady(n, event);
      if (!message) return;
      settings.previewChars = message.previewChars;
      ready = true;
      flush();
    },
    true,
  ]);
  // A page going away must not take its last records with it.
  n.apply(n.addEventListener, win, ['pagehide', flush, true]);
  post('hello', '');

  const now = () => n.timeOrigin + n.now();
  const full = () => !ready && pendingCount + held.length >= MAX_PENDING_BEFORE_READY;
  /** `{"type":…,"seq":…,"time":…,"socket":…` of a record: the caller adds its fields and the brace. */
  const header = (type: PageRecordType, socket: number, time: number) =>
    `{"type":"${type}","seq":${++seq},"time":${timeJson(time)},"socket":${socket}`;
  const emitFields = (type: PageRecordType, socket: number, fields: string, time = now()) => {
    if (full()) {
      seq++; // the gap tells the panel a record is missing
      return;
    }
    const json = `${header(type, socket, time)}${fields === '' ? '' : ','}${fields}}`;
    if (held.length === 0) ship(json);
    else {
      n.append(held, { json });
      release();
    }
  };
  return {
    settings,
    now,
    emitFields,
    emit(type, socket, body, time) {
      emitFields(type, socket, fieldsJson(body, n), time);
    },
    reserve(type, socket) {
      const slot: Slot = { json: null };
      if (full()) {
        seq++;
        return () => {};
      }
      const start = header(type, socket, now());
      n.append(held, slot);
      return (body) => {
        const fields = fieldsJson(body, n);
        slot.json = `${start}${fields === '' ? '' : ','}${fields}}`;
        release();
      };
    },
  };
}

function readReady(n: Natives, event: Event): HookSettings | null {
  try {
    const detail = n.eventDetail(event);
    if (typeof detail !== 'string') return null;
    const message = n.parse(detail) as { type?: unknown; settings?: { previewChars?: unknown } };
    // JSON.parse makes own properties only; a missing one would be looked up on Object.prototype.
    const own = (o: unknown, key: string) =>
      typeof o === 'object' && o !== null && n.getOwnPropertyDescriptor(o, key) ? (o as Record<string, unknown>)[key] : undefined;
    const chars = own(own(message, 'settings'), 'previewChars');
    if (own(message, 'type') !== 'ready' || typeof chars !== 'number' || !(chars >= 0 && chars <= 65_536)) return null;
    return { previewChars: chars - (chars % 1) };
  } catch {
    return null;
  }
}
