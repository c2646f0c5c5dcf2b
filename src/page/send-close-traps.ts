// Runs in the page's MAIN world. Proxies for WebSocket.prototype.send and
// close: they record what the page asked for, call the native method with
// the very same arguments, and return or rethrow exactly what it did.

import { analyzeOutgoingText } from '../core/analyze-outgoing-text';
import { checkCloseArguments } from '../core/close-arguments';
import { sendStateFinding } from '../core/send-state-findings';
import type { Finding } from '../core/types';
import type { PageRecordMap, SentKind } from '../protocol/records';
import type { Natives } from './natives';
import { bytesPreview, textPreview } from './payload-preview';
import type { RecordChannel } from './record-channel';
import type { SocketState } from './socket-observer';
import { captureStack } from './stack';

type Sockets = WeakMap<object, SocketState>;

export function sendTrap(natives: Natives, sockets: Sockets, channel: RecordChannel): ProxyHandler<typeof natives.send> {
  return {
    apply(target, thisArg, args) {
      const state = sockets.get(thisArg as object);
      if (!state) return Reflect.apply(target, thisArg, args);
      let before: Omit<PageRecordMap['sent'], 'bufferedAmount' | 'thrown'> | null = null;
      try {
        before = describeSend(thisArg as WebSocket, state, args[0], natives, channel);
      } catch {
        before = null;
      }
      let thrown: string | null = null;
      try {
        return Reflect.apply(target, thisArg, args);
      } catch (error) {
        thrown = errorName(error);
        throw error;
      } finally {
        if (before) {
          try {
            const bufferedAmount = natives.ws.bufferedAmount(thisArg as WebSocket);
            channel.emit('sent', state.id, { ...before, bufferedAmount, thrown });
          } catch {
            // never disturb the page
          }
        }
      }
    },
  };
}

function describeSend(
  socket: WebSocket,
  state: SocketState,
  data: unknown,
  natives: Natives,
  channel: RecordChannel,
): Omit<PageRecordMap['sent'], 'bufferedAmount' | 'thrown'> {
  const readyState = natives.ws.readyState(socket);
  const findings: Finding[] = [];
  const timing = sendStateFinding(readyState, state.closeRequested);
  if (timing) findings.push(timing);
  const max = channel.settings.previewChars;

  if (data instanceof natives.ArrayBuffer) {
    const size = natives.byteLength(data);
    const head = new natives.Uint8Array(data, 0, Math.min(size, max >> 1));
    return { kind: 'arraybuffer', size, readyState, findings, ...bytesPreview(head, size, max) };
  }
  if (natives.isView(data)) {
    const [buffer, offset, size] = natives.view.window(data as ArrayBufferView);
    const head = new natives.Uint8Array(buffer, offset, Math.min(size, max >> 1));
    return { kind: 'view', size, readyState, findings, ...bytesPreview(head, size, max) };
  }
  if (data instanceof natives.Blob) {
    return { kind: 'blob' as SentKind, size: natives.blobSize(data), readyState, findings, preview: '', truncated: true };
  }
  // Objects are converted by the native call (toString may have side effects,
  // so it must run exactly once: there). Primitives convert without any.
  const text = typeof data === 'string' ? data : isPrimitive(data) ? String(data) : null;
  if (text === null) {
    return { kind: 'text', size: 0, readyState, findings, preview: '', truncated: true };
  }
  const analysis = analyzeOutgoingText(text);
  findings.push(...analysis.findings);
  return { kind: 'text', size: analysis.utf8Bytes, readyState, findings, ...textPreview(text, max) };
}

export function closeTrap(natives: Natives, sockets: Sockets, channel: RecordChannel): ProxyHandler<typeof natives.close> {
  return {
    apply(target, thisArg, args) {
      const state = sockets.get(thisArg as object);
      if (!state) return Reflect.apply(target, thisArg, args);
      const [code, reason] = args as [unknown, unknown];
      const comparable = isPrimitive(code) && isPrimitive(reason) && typeof code !== 'symbol' && typeof reason !== 'symbol';
      const verdict = comparable ? checkCloseArguments(code, reason) : null;
      const stack = captureStack(natives);
      let thrown: string | null = null;
      try {
        const result = Reflect.apply(target, thisArg, args);
        state.closeRequested = true;
        return result;
      } catch (error) {
        thrown = errorName(error);
        throw error;
      } finally {
        try {
          const predicted = verdict && !verdict.ok ? verdict.error : null;
          channel.emit('close-requested', state.id, {
            code: typeof code === 'number' ? sanitizeNumber(code) : code === undefined ? null : numberOrNull(code),
            reason: typeof reason === 'string' ? reason.slice(0, 1024) : reason === undefined ? '' : comparable ? String(reason).slice(0, 1024) : '',
            reasonBytes: verdict?.ok ? verdict.reasonBytes : 0,
            stack,
            verdict: {
              ok: thrown === null,
              wireCode: verdict?.ok && thrown === null ? verdict.wireCode : null,
              reasonBytes: verdict?.ok ? verdict.reasonBytes : 0,
              thrown,
              predicted: predicted !== thrown ? predicted : null,
            },
            findings: verdict ? verdict.findings.slice(0, 32) : [],
          });
        } catch {
          // never disturb the page
        }
      }
    },
  };
}

function isPrimitive(value: unknown): boolean {
  return value === null || (typeof value !== 'object' && typeof value !== 'function');
}

/** JSON has no NaN or Infinity; the guard wants finite numbers. */
function sanitizeNumber(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? sanitizeNumber(Number(value)) : null;
}

function errorName(error: unknown): string {
  try {
    const name = (error as { name?: unknown })?.name;
    return typeof name === 'string' ? name.slice(0, 64) : 'Error';
  } catch {
    return 'Error';
  }
}

