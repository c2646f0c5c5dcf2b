// Runs in the page's MAIN world. Observes one native socket passively with
// listeners of its own (added before any of the page's, so the page's
// listener order is untouched) and records its lifecycle and incoming frames.

import { utf8ByteLength } from '../core/utf8';
import type { RecordChannel } from './record-channel';
import type { Natives } from './natives';
import { bytesPreview, textPreview } from './payload-preview';

export interface SocketState {
  id: number;
  /** close() was called (successfully) on this socket. */
  closeRequested: boolean;
}

export function observeSocket(
  socket: WebSocket,
  state: SocketState,
  natives: Natives,
  channel: RecordChannel,
): void {
  const listen = (type: string, listener: (event: Event) => void) =>
    Reflect.apply(natives.addEventListener, socket, [type, guarded(listener)]);

  listen('open', () => {
    channel.emit('open', state.id, {
      protocol: natives.ws.protocol(socket),
      extensions: natives.ws.extensions(socket),
    });
  });
  listen('message', (event) => recordIncoming(natives.messageData(event), state.id, natives, channel));
  listen('error', () => channel.emit('error', state.id, {}));
  listen('close', (event) => {
    channel.emit('closed', state.id, {
      code: natives.closeEvent.code(event),
      reason: natives.closeEvent.reason(event),
      wasClean: natives.closeEvent.wasClean(event),
    });
  });
}

function recordIncoming(data: unknown, socket: number, natives: Natives, channel: RecordChannel): void {
  const max = channel.settings.previewChars;
  if (typeof data === 'string') {
    channel.emit('received', socket, { kind: 'text', size: utf8ByteLength(data), ...textPreview(data, max) });
  } else if (data instanceof natives.ArrayBuffer) {
    const size = natives.byteLength(data);
    const head = new natives.Uint8Array(data, 0, Math.min(size, max >> 1));
    channel.emit('received', socket, { kind: 'arraybuffer', size, ...bytesPreview(head, size, max) });
  } else if (data instanceof natives.Blob) {
    // Blob bytes are read asynchronously; the record keeps the arrival time.
    const time = channel.now();
    const size = natives.blobSize(data);
    readBlobHead(data, max >> 1, natives).then(
      (head) => channel.emit('received', socket, { kind: 'blob', size, ...bytesPreview(head, size, max) }, time),
      () => channel.emit('received', socket, { kind: 'blob', size, preview: '', truncated: size > 0 }, time),
    );
  }
}

export async function readBlobHead(blob: Blob, bytes: number, natives: Natives): Promise<Uint8Array> {
  const head = Reflect.apply(natives.blobSlice, blob, [0, bytes]) as Blob;
  const buffer = (await Reflect.apply(natives.blobArrayBuffer, head, [])) as ArrayBuffer;
  return new natives.Uint8Array(buffer);
}

/** Our listeners must never throw into the page's event dispatch. */
function guarded(listener: (event: Event) => void): (event: Event) => void {
  return (event) => {
    try {
      listener(event);
    } catch {
      // Capture degrades; the page is never disturbed.
    }
  };
}
