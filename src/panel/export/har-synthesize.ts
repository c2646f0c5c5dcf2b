// Turns one of Chrome's WebSocket HAR entries into the records our hook would
// have produced, as far as the HAR tells: created, open (status 101), the
// frames, and for an entry with an error text the page's error and close.
//
// Chrome's HAR has no close code. An `error` item means the browser failed the
// connection, and failing a WebSocket connection always fires `error`, then
// `close` with 1006 and wasClean false (WHATWG WebSockets, "fail the WebSocket
// connection"; RFC 6455 §7.1.7): so those sockets get that close. Sockets
// without an error item keep no close record: how they ended is unknown.

import { analyzeOutgoingText } from '../../core/analyze-outgoing-text';
import { utf8ByteLength } from '../../core/utf8';
import { LIMITS } from '../../protocol/guard';
import type { PageRecord } from '../../protocol/records';
import type { HarWebSocketEntry, HarWebSocketMessage } from '../network/har-entry';
import { harMessageClock } from '../network/har-evidence';
import { base64ByteLength, base64ToHex, textPreview } from './frame-data';

type Body<T extends PageRecord['type']> = Omit<Extract<PageRecord, { type: T }>, 'type' | 'seq' | 'time' | 'socket'>;

export interface SynthesisTarget {
  socket: number;
  frameUrl: string;
  previewChars: number;
  nextSeq(): number;
  push(record: PageRecord): void;
  reject(): void;
}

function protocolsOf(entry: HarWebSocketEntry): string[] {
  const header = entry.requestHeaders['Sec-WebSocket-Protocol'] ?? '';
  return header
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .slice(0, LIMITS.protocols);
}

function frameBody(message: HarWebSocketMessage, previewChars: number): Body<'received'> | null {
  if (message.opcode === 1) {
    return { kind: 'text', size: utf8ByteLength(message.data), ...textPreview(message.data, previewChars) };
  }
  const size = base64ByteLength(message.data);
  const preview = base64ToHex(message.data, previewChars >> 1);
  if (size === null || preview === null) return null;
  return { kind: 'arraybuffer', size, preview, truncated: preview.length / 2 < size };
}

export function synthesizeRecords(entry: HarWebSocketEntry, target: SynthesisTarget): void {
  const { socket } = target;
  const clock = harMessageClock(entry);
  const at = (seconds: number) => Math.max(entry.startedAt, clock(seconds));
  const emit = <T extends PageRecord['type']>(type: T, time: number, body: Body<T>) =>
    target.push({ ...body, type, seq: target.nextSeq(), time, socket } as unknown as PageRecord);

  emit('created', entry.startedAt, { url: entry.url, protocols: protocolsOf(entry), frameUrl: target.frameUrl, stack: '' });
  if (entry.status === 101) {
    const firstFrame = entry.messages.length > 0 ? at(entry.messages[0]!.time) : Infinity;
    const opened = Math.min(entry.startedAt + (entry.handshakeMs ?? 0), firstFrame);
    emit('open', opened, {
      protocol: entry.responseHeaders['Sec-WebSocket-Protocol'] ?? '',
      extensions: entry.responseHeaders['Sec-WebSocket-Extensions'] ?? '',
    });
  }
  let failedAt: number | null = null;
  let last = entry.startedAt;
  for (const message of entry.messages) {
    const time = at(message.time);
    last = Math.max(last, time);
    if (message.type === 'error') {
      if (failedAt === null) emit('error', time, {});
      failedAt ??= time;
      continue;
    }
    const body = frameBody(message, target.previewChars);
    if (!body) {
      target.reject();
      continue;
    }
    if (message.type === 'receive') {
      emit('received', time, body);
      continue;
    }
    // The HAR holds what went on the wire, so lone surrogates are already U+FFFD;
    // the other findings (U+FFFD, NUL, binary strings) still show.
    const findings = body.kind === 'text' ? analyzeOutgoingText(message.data).findings.slice(0, LIMITS.findings) : [];
    emit('sent', time, { ...body, kind: body.kind, readyState: 1, bufferedAmount: 0, thrown: null, findings });
  }
  if (failedAt !== null) emit('closed', last, { code: 1006, reason: '', wasClean: false });
}
