// Runs in the page's MAIN world. Observes one native socket passively with
// listeners of its own (added before any of the page's, so the page's
// listener order is untouched) and records its lifecycle and incoming frames.
// Only trusted events count: a page may dispatch look-alikes on its socket.

import type { RecordChannel } from './record-channel';
import type { Natives } from './natives';
import { bytesPreview, textPreview } from './payload-preview';
import { frameTupleTail } from './record-json';
import { utf8Length } from './utf8-length';

export interface SocketState {
  id: number;
  /** close() was called (successfully) on this socket. */
  closeRequested: boolean;
}

export function observeSocket(socket: WebSocket, state: SocketState, n: Natives, channel: RecordChannel): void {
  const listen = (type: string, listener: (event: Event) => void) =>
    n.apply(n.addEventListener, socket, [type, guarded(n, listener)]);

  listen('open', () => {
    channel.emit('open', state.id, {
      protocol: n.ws.protocol(socket),
      extensions: n.ws.extensions(socket),
    });
  });
  listen('message', (event) => recordIncoming(n.messageData(event), state.id, n, channel));
  listen('error', () => channel.emit('error', state.id, {}));
  listen('close', (event) => {
    channel.emit('closed', state.id, {
      code: n.closeEvent.code(event),
      reason: n.closeEvent.reason(event),
      wasClean: n.closeEvent.wasClean(event),
    });
  });
}

/** Size of an ArrayBuffer, or -1: a brand check that runs no page code (no instanceof). */
export function arrayBufferSize(value: unknown, n: Natives): number {
  try {
    return n.byteLength(value);
  } catch {
    return -1;
  }
}

/** Size of a Blob, or -1 (same kind of brand check). */
export function blobSize(value: unknown, n: Natives): number {
  try {
    return n.blobSize(value);
  } catch {
    return -1;
  }
}

function recordIncoming(data: unknown, socket: number, n: Natives, channel: RecordChannel): void {
  const max = channel.settings.previewChars;
  const headMax = max >> 1;
  if (typeof data === 'string') {
    // A string cannot change: its size and preview are written in the flush, off the page's message dispatch.
    channel.emitReceivedText(socket, data);
    return;
  }
  const size = arrayBufferSize(data, n);
  if (size >= 0) {
    // Its head is copied now (the page may change the buffer later) and written in the flush.
    const length = size < headMax ? size : headMax;
    channel.emitReceivedBytes(socket, new n.Uint8Array(data as ArrayBuffer, 0, length), length, size);
    return;
  }
  const blob = blobSize(data, n);
  if (blob >= 0) {
    // Blob bytes are read asynchronously; the record keeps its place (and time) in the order.
    const fill = channel.reserve('received', socket);
    readBlobHead(data as Blob, blob < headMax ? blob : headMax, n, (head, length) => {
      const preview = head ? bytesPreview(head, length, blob, max) : { preview: '', truncated: blob > 0 };
      fill({ kind: 'blob', size: blob, ...preview });
    });
  }
}

/** The items of a text `received` frame after its socket, written in the hook's flush (RecordChannel.emitReceivedText). */
export function receivedTextFields(text: string, max: number, n: Natives): string {
  const { preview, truncated } = textPreview(text, max, n);
  return frameTupleTail('text', utf8Length(text, n), preview, truncated, n);
}

/** The items of a binary `received` frame after its socket, from its head's bytes, written in the hook's flush (RecordChannel.emitReceivedBytes). */
export function receivedBytesFields(head: Uint8Array, headLength: number, size: number, max: number, n: Natives): string {
  const { preview, truncated } = bytesPreview(head, headLength, size, max);
  return frameTupleTail('arraybuffer', size, preview, truncated, n);
}

/**
 * The first `bytes` bytes of a Blob, through a FileReader of our own: no
 * promise is involved, so a page that wrapped Promise#then (zone.js) or put
 * a `then` getter on Object.prototype sees nothing.
 */
export function readBlobHead(blob: Blob, bytes: number, n: Natives, done: (head: Uint8Array | null, length: number) => void): void {
  const reader = new n.FileReader();
  n.apply(n.addEventListener, reader, ['loadend', guarded(n, () => {
    const result = n.readerResult(reader);
    const length = arrayBufferSize(result, n);
    done(length >= 0 ? new n.Uint8Array(result as ArrayBuffer) : null, length >= 0 ? length : 0);
  })]);
  n.apply(n.readAsArrayBuffer, reader, [n.apply(n.blobSlice, blob, [0, bytes])]);
}

/** Our listeners must never throw into the page's event dispatch, and ignore synthetic events. */
function guarded(n: Natives, listener: (event: Event) => void): (event: Event) => void {
  return (event) => {
    try {
      if (n.isTrusted(event)) listener(event);
    } catch {
      // Capture degrades; the page is never disturbed.
    }
  };
}
