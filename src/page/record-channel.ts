// Runs in the page's MAIN world. Numbers records, batches them per task and
// hands them to the relay (ISOLATED world) as JSON strings on a private DOM
// event. Holds records only until the relay has answered its hello.

import {
  DEFAULT_HOOK_SETTINGS,
  PAGE_TO_RELAY_EVENT,
  RELAY_TO_PAGE_EVENT,
  envelope,
  type HookSettings,
  type PageToRelayMap,
} from '../protocol/envelope';
import type { PageRecordMap, PageRecordType } from '../protocol/records';
import type { Natives } from './natives';

/** Records held while the relay has not answered yet (it normally answers at once). */
const MAX_PENDING_BEFORE_READY = 10_000;

export interface RecordChannel {
  settings: HookSettings;
  emit<K extends PageRecordType>(type: K, socket: number, body: PageRecordMap[K], time?: number): void;
  now(): number;
}

export function openRecordChannel(win: Window, natives: Natives): RecordChannel {
  let seq = 0;
  let ready = false;
  let flushScheduled = false;
  let queue: object[] = [];
  const settings: HookSettings = { ...DEFAULT_HOOK_SETTINGS };

  const post = (type: keyof PageToRelayMap, body: PageToRelayMap[keyof PageToRelayMap]) => {
    const detail = natives.stringify(envelope<PageToRelayMap, typeof type>(type, body as never));
    const event = new natives.CustomEvent(PAGE_TO_RELAY_EVENT, { detail });
    Reflect.apply(natives.dispatchEvent, win, [event]);
  };

  const flush = () => {
    flushScheduled = false;
    if (!ready || queue.length === 0) return;
    const records = queue;
    queue = [];
    post('batch', { records } as never);
  };

  Reflect.apply(natives.addEventListener, win, [
    RELAY_TO_PAGE_EVENT,
    (event: Event) => {
      const message = readReady(natives, event);
      if (!message) return;
      settings.previewChars = message.previewChars;
      ready = true;
      flush();
    },
    true,
  ]);
  post('hello', {});

  const now = () => natives.timeOrigin + natives.now();
  return {
    settings,
    now,
    emit(type, socket, body, time = now()) {
      if (!ready && queue.length >= MAX_PENDING_BEFORE_READY) return;
      queue.push({ type, seq: ++seq, time, socket, ...body });
      if (!flushScheduled) {
        flushScheduled = true;
        natives.queueMicrotask(flush);
      }
    },
  };
}

function readReady(natives: Natives, event: Event): HookSettings | null {
  try {
    const detail = natives.eventDetail(event);
    if (typeof detail !== 'string') return null;
    const message = natives.parse(detail) as { type?: unknown; settings?: { previewChars?: unknown } };
    const chars = message.settings?.previewChars;
    if (message.type !== 'ready' || typeof chars !== 'number' || !(chars >= 0 && chars <= 65_536)) return null;
    return { previewChars: Math.floor(chars) };
  } catch {
    return null;
  }
}
