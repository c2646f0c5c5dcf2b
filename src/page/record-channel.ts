// Runs in the page's MAIN world. Numbers records, batches them per frame and
// hands them to the relay (ISOLATED world) as JSON text on a private DOM
// event. Lifecycle records become JSON when emitted; frame records are
// numbered and timed when they happen but written in the flush, so a page's
// send() or message handler pays for a small object, not for the analysis.

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
  /** A record whose body the caller has written as JSON members already (`"kind":"text","size":3,…`). */
  emitFields(type: PageRecordType, socket: number, fields: string, time?: number): void;
  /**
   * A frame record whose fields are written later, in the flush, off the
   * page's send() or message dispatch: `fields` must only read what cannot
   * change meanwhile (strings, copies). `chars` estimates its JSON length.
   */
  emitLater(type: PageRecordType, socket: number, fields: () => string, chars: number, time?: number): void;
  /**
   * Takes the next place in the record order for a record whose body is
   * known only later (a Blob's bytes are read asynchronously). Records
   * emitted meanwhile wait behind it, so the relay gets every record in the
   * order things happened, with growing sequence numbers.
   */
  reserve<K extends PageRecordType>(type: K, socket: number): (body: PageRecordMap[K]) => void;
  now(): number;
}

/** A record whose fields are written in the flush. */
interface Later {
  type: PageRecordType;
  seq: number;
  time: number;
  socket: number;
  fields: () => string;
}

/** A pending record: its JSON, or what writes it. */
type Pending = string | Later;

/** A reserved place: its record (as JSON) once the body is known. */
interface Slot {
  json: string | null;
}

export function openRecordChannel(win: Window, n: Natives): RecordChannel {
  let seq = 0;
  let ready = false;
  let flushScheduled = false;
  /**
   * Records waiting for the flush, in order, in slots that only ever grow:
   * once a slot exists as an own property, storing into it never reaches a
   * setter a page may have put on Array.prototype (n.append pays for that
   * check, once per slot). A record costs the page one small object at most.
   */
  const slots: Pending[] = [];
  let pendingCount = 0;
  let pendingChars = 0;
  /** Records behind an unfilled reservation (empty when none is outstanding). */
  let held: Slot[] = [];
  const settings: HookSettings = { ...DEFAULT_HOOK_SETTINGS };

  // The envelope of envelope.ts, written out: {tag, v, type, ...body}.
  const post = (type: 'hello' | 'batch', bodyJson: string) => {
    const detail = `{"tag":${n.stringify(PROTOCOL_TAG)},"v":${PROTOCOL_VERSION},"type":"${type}"${bodyJson}}`;
    const event = new n.CustomEvent(PAGE_TO_RELAY_EVENT, n.bare({ detail }));
    n.apply(n.dispatchEvent, win, [event]);
  };

  /** `{"type":…,"seq":…,"time":…,"socket":…` of a record: the caller adds its fields and the brace. */
  const header = (type: PageRecordType, recordSeq: number, time: number, socket: number) =>
    `{"type":"${type}","seq":${recordSeq},"time":${timeJson(time)},"socket":${socket}`;
  const withFields = (start: string, fields: string) => `${start}${fields === '' ? '' : ','}${fields}}`;

  const flush = () => {
    flushScheduled = false;
    if (!ready || pendingCount === 0) return;
    const count = pendingCount;
    pendingCount = 0;
    pendingChars = 0;
    let json = '';
    for (let i = 0; i < count; i++) {
      const entry = slots[i]!;
      slots[i] = ''; // let the payloads go
      let record: string;
      if (typeof entry === 'string') record = entry;
      else {
        try {
          record = withFields(header(entry.type, entry.seq, entry.time, entry.socket), entry.fields());
        } catch {
          continue; // its seq stays a gap: the panel counts it as missed
        }
      }
      json = json === '' ? record : `${json},${record}`;
    }
    if (json !== '') post('batch', `,"records":[${json}]`);
  };

  const ship = (entry: Pending, chars: number) => {
    if (pendingCount === slots.length) n.append(slots, entry);
    else slots[pendingCount] = entry;
    pendingCount++;
    pendingChars += chars;
    if (ready && (pendingCount >= FLUSH_NOW_RECORDS || pendingChars >= FLUSH_NOW_CHARS)) flush();
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
      if (json !== null) ship(json, json.length);
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
  const emitJson = (type: PageRecordType, socket: number, fields: string, time: number) => {
    if (full()) {
      seq++; // the gap tells the panel a record is missing
      return;
    }
    const json = withFields(header(type, ++seq, time, socket), fields);
    if (held.length === 0) ship(json, json.length);
    else {
      n.append(held, { json });
      release();
    }
  };
  return {
    settings,
    now,
    emit(type, socket, body, time = now()) {
      emitJson(type, socket, fieldsJson(body, n), time);
    },
    emitFields(type, socket, fields, time = now()) {
      emitJson(type, socket, fields, time);
    },
    emitLater(type, socket, fields, chars, time = now()) {
      if (held.length > 0) {
        // Behind a reservation: write it now, in its place.
        emitJson(type, socket, fields(), time);
        return;
      }
      if (full()) {
        seq++;
        return;
      }
      ship({ type, seq: ++seq, time, socket, fields }, chars);
    },
    reserve(type, socket) {
      const slot: Slot = { json: null };
      if (full()) {
        seq++;
        return () => {};
      }
      const start = header(type, ++seq, now(), socket);
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
