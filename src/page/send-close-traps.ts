// Runs in the page's MAIN world. Proxies for WebSocket.prototype.send and
// close: they record what the page asked for, call the native method with
// the very same arguments, and return or rethrow exactly what it did. They
// never convert a page object themselves (its toString/valueOf must run once,
// inside the native call) and use only captured built-ins (primordials.ts).

import { analyzeOutgoingText, isPlainText } from '../core/analyze-outgoing-text';
import { checkCloseArguments } from '../core/close-arguments';
import { sendStateFinding } from '../core/send-state-findings';
import type { Finding } from '../core/types';
import type { PageRecordMap, SentKind } from '../protocol/records';
import type { Natives } from './natives';
import { bytesPreview, textPreview } from './payload-preview';
import { sentFieldsJson, sentTupleTail, type SendRecord } from './record-json';
import type { BinarySentKind, RecordChannel } from './record-channel';
import { arrayBufferSize, blobSize, readBlobHead, type SocketState } from './socket-observer';
import { captureStack } from './stack';
import { thrownName } from './thrown-name';

type Sockets = WeakMap<object, SocketState>;

/** The argument at `index` as the page passed it (no read past the end: that would reach Array.prototype). */
const argument = (args: unknown[], index: number): unknown => (index < args.length ? args[index] : undefined);

export function sendTrap(n: Natives, sockets: Sockets, channel: RecordChannel): ProxyHandler<typeof n.send> {
  return {
    apply(target, thisArg, args) {
      const state = n.weakMapGet(sockets, thisArg) as SocketState | undefined;
      if (!state) return n.apply(target, thisArg, args);
      const data = argument(args, 0);
      // Primitives convert without running page code; objects are converted by
      // the native call only (their toString may have side effects).
      const text = isPrimitive(data) && typeof data !== 'symbol' ? `${data as string}` : null;
      let readyState = -1;
      let closeRequested = false;
      let bytes: BinarySend | null = null;
      let other: SendRecord | null = null;
      try {
        readyState = n.ws.readyState(thisArg as WebSocket);
        closeRequested = state.closeRequested;
        // Binary data can change after send() returns: what the record shows of it is taken now.
        if (text === null) bytes = binarySend(data, n, channel);
        if (text === null && bytes === null) other = describeOtherSend(data, readyState, closeRequested, n);
      } catch {
        readyState = -1;
      }
      let thrown: string | null = null;
      try {
        return n.apply(target, thisArg, args);
      } catch (error) {
        thrown = thrownName(error, n);
        throw error;
      } finally {
        if (readyState >= 0) {
          try {
            const bufferedAmount = n.ws.bufferedAmount(thisArg);
            // A string cannot change after send(): it is analysed and written in the flush.
            if (text !== null) channel.emitSentText(state.id, text, readyState, closeRequested, bufferedAmount, thrown);
            else if (bytes) {
              // No page code ran since the head was taken (send() converts nothing binary): it is copied now.
              channel.emitSentBytes(state.id, bytes.kind, bytes.head, bytes.headLength, bytes.size, readyState, closeRequested, bufferedAmount, thrown);
            } else if (other && other.kind === 'blob' && thrown === null && other.size > 0) {
              emitWithBlobHead({ ...other, bufferedAmount, thrown }, data as Blob, state.id, n, channel);
            } else if (other) channel.emitFields('sent', state.id, sentFieldsJson(other, bufferedAmount, thrown, n));
          } catch {
            // never disturb the page
          }
        }
      }
    },
  };
}

/** The items of a text `sent` frame after its socket, written in the hook's flush (RecordChannel.emitSentText). */
export function sentTextFields(
  text: string,
  readyState: number,
  closeRequested: boolean,
  bufferedAmount: number,
  thrown: string | null,
  max: number,
  n: Natives,
): string {
  return sentTupleTail(describeTextSend(text, readyState, closeRequested, max, n), bufferedAmount, thrown, n);
}

/** The items of a binary `sent` frame after its socket, from its head's bytes, written in the hook's flush (RecordChannel.emitSentBytes). */
export function sentBytesFields(
  kind: BinarySentKind,
  head: Uint8Array,
  headLength: number,
  size: number,
  readyState: number,
  closeRequested: boolean,
  bufferedAmount: number,
  thrown: string | null,
  max: number,
  n: Natives,
): string {
  const record: SendRecord = { kind, size, readyState, findings: timingFindings(readyState, closeRequested, n), ...bytesPreview(head, headLength, size, max) };
  return sentTupleTail(record, bufferedAmount, thrown, n);
}

/** An ArrayBuffer or view handed to send(): a view of its first bytes, copied once send() has returned. */
interface BinarySend {
  kind: BinarySentKind;
  head: Uint8Array;
  headLength: number;
  size: number;
}

function timingFindings(readyState: number, closeRequested: boolean, n: Natives): Finding[] {
  const findings: Finding[] = [];
  const timing = sendStateFinding(readyState, closeRequested);
  if (timing) n.append(findings, timing);
  return findings;
}

function describeTextSend(text: string, readyState: number, closeRequested: boolean, max: number, n: Natives): SendRecord {
  const findings = timingFindings(readyState, closeRequested, n);
  // Plain ASCII (most of what pages send) has nothing to find and one byte per unit: no analysis.
  if (isPlainText(text)) return { kind: 'text', size: text.length, readyState, findings, ...textPreview(text, max, n) };
  const analysis = analyzeOutgoingText(text);
  for (let i = 0; i < analysis.findings.length; i++) n.append(findings, analysis.findings[i]!);
  return { kind: 'text', size: analysis.utf8Bytes, readyState, findings, ...textPreview(text, max, n) };
}

/** A Blob's bytes are read asynchronously (our own FileReader); the record keeps its place in the order. */
function emitWithBlobHead(record: PageRecordMap['sent'], blob: Blob, socket: number, n: Natives, channel: RecordChannel): void {
  const fill = channel.reserve('sent', socket);
  const max = channel.settings.previewChars;
  const headMax = max >> 1;
  readBlobHead(blob, record.size < headMax ? record.size : headMax, n, (head, length) => {
    const preview = head ? bytesPreview(head, length, record.size, max) : { preview: '', truncated: true };
    fill({ ...record, ...preview });
  });
}

/** Binary data handed to send() (an ArrayBuffer or a view): a view of its head, or null. */
function binarySend(data: unknown, n: Natives, channel: RecordChannel): BinarySend | null {
  const headMax = channel.settings.previewChars >> 1;
  const size = arrayBufferSize(data, n);
  if (size >= 0) {
    const length = size < headMax ? size : headMax;
    return { kind: 'arraybuffer', head: new n.Uint8Array(data as ArrayBuffer, 0, length), headLength: length, size };
  }
  if (n.isView(data)) {
    const bounds = n.view.window(data as ArrayBufferView);
    const viewSize = bounds[2];
    const length = viewSize < headMax ? viewSize : headMax;
    return { kind: 'view', head: new n.Uint8Array(bounds[0], bounds[1], length), headLength: length, size: viewSize };
  }
  return null;
}

/** What send() got when it was neither a string nor binary data: a Blob, a symbol or another object. */
function describeOtherSend(data: unknown, readyState: number, closeRequested: boolean, n: Natives): SendRecord {
  const findings = timingFindings(readyState, closeRequested, n);
  const blob = blobSize(data, n);
  if (blob >= 0) return { kind: 'blob' as SentKind, size: blob, readyState, findings, preview: '', truncated: true };
  return { kind: 'text', size: 0, readyState, findings, preview: '', truncated: true };
}

export function closeTrap(n: Natives, sockets: Sockets, channel: RecordChannel): ProxyHandler<typeof n.close> {
  return {
    apply(target, thisArg, args) {
      const state = n.weakMapGet(sockets, thisArg) as SocketState | undefined;
      if (!state) return n.apply(target, thisArg, args);
      const code = argument(args, 0);
      const reason = argument(args, 1);
      const comparable = isPrimitive(code) && isPrimitive(reason) && typeof code !== 'symbol' && typeof reason !== 'symbol';
      let verdict: ReturnType<typeof checkCloseArguments> | null = null;
      try {
        verdict = comparable ? checkCloseArguments(code, reason) : null;
      } catch {
        verdict = null;
      }
      const stack = captureStack(n);
      let thrown: string | null = null;
      try {
        const result = n.apply(target, thisArg, args);
        state.closeRequested = true;
        return result;
      } catch (error) {
        thrown = thrownName(error, n);
        throw error;
      } finally {
        try {
          const predicted = verdict && !verdict.ok ? verdict.error : null;
          channel.emit('close-requested', state.id, {
            code: comparable && code !== undefined && code !== null && typeof code !== 'bigint' ? finiteOrNull(+(code as number), n) : null,
            reason: typeof reason === 'string' ? n.stringSlice(reason, 0, 1024) : comparable && reason !== undefined ? n.stringSlice(`${reason as string}`, 0, 1024) : '',
            reasonBytes: verdict?.ok ? verdict.reasonBytes : 0,
            stack,
            verdict: {
              ok: thrown === null,
              wireCode: verdict?.ok && thrown === null ? verdict.wireCode : null,
              reasonBytes: verdict?.ok ? verdict.reasonBytes : 0,
              thrown,
              predicted: predicted !== thrown ? predicted : null,
            },
            findings: verdict ? n.arraySlice(verdict.findings, 0, 32) : [],
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
function finiteOrNull(value: number, n: Natives): number | null {
  return n.isFinite(value) ? value : null;
}
