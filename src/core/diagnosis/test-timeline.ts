// Test helper: builds a connection's timeline record by record, as the page
// hook would (sends analysed by the real analyzeOutgoingText), and the
// DiagnosisInput the panel's store would derive from it. Used by *.test.ts only.

import { analyzeOutgoingText } from '../analyze-outgoing-text';
import { checkCloseArguments } from '../close-arguments';
import type { PageRecordMap, ReceivedKind, SentKind } from '../../protocol/records';
import type { CloseRequestRecord, DiagnosisInput, NetworkEvidence, TimelineRecord } from './types';

export const T0 = 1_700_000_000_000;
export const SEC = 1000;
export const MIN = 60 * SEC;

export interface TimelineBuilder {
  /** Every method takes the time in ms after T0. */
  created(at: number): number;
  open(at: number, protocol?: string): number;
  /** `thrown`: the exception send() threw (the frame never left); `bufferedAmount`: as read right after the send. */
  sendText(at: number, text: string, thrown?: string | null, bufferedAmount?: number): number;
  sendBinary(at: number, size: number, kind?: Exclude<SentKind, 'text'>): number;
  receive(at: number, size: number, kind?: ReceivedKind): number;
  error(at: number): number;
  /** A close() call; `thrown` is the exception name when it threw. */
  closeRequest(at: number, code: number | null, reason?: string, thrown?: string | null): number;
  closed(at: number, code: number, reason?: string, wasClean?: boolean): number;
  build(network?: NetworkEvidence): DiagnosisInput;
}

export function timeline(url = 'wss://example.test/socket', protocols: string[] = []): TimelineBuilder {
  const records: TimelineRecord[] = [];
  let seq = 100;
  const push = <K extends keyof PageRecordMap>(type: K, at: number, body: PageRecordMap[K]): number => {
    seq += 1;
    records.push({ type, seq, time: T0 + at, socket: 1, ...body } as TimelineRecord);
    return seq;
  };
  let protocol = '';
  const b: TimelineBuilder = {
    created: (at) => push('created', at, { url, protocols, frameUrl: 'https://example.test/', stack: '' }),
    open: (at, p = '') => {
      protocol = p;
      return push('open', at, { protocol: p, extensions: '' });
    },
    sendText: (at, text, thrown = null, bufferedAmount = 0) => {
      const a = analyzeOutgoingText(text);
      return push('sent', at, { kind: 'text', size: a.utf8Bytes, preview: text, truncated: false, readyState: thrown ? 0 : 1, bufferedAmount, thrown, findings: a.findings });
    },
    sendBinary: (at, size, kind = 'arraybuffer') =>
      push('sent', at, { kind, size, preview: '', truncated: size > 0, readyState: 1, bufferedAmount: 0, thrown: null, findings: [] }),
    receive: (at, size, kind = 'text') => push('received', at, { kind, size, preview: 'x', truncated: false }),
    error: (at) => push('error', at, {}),
    closeRequest: (at, code, reason = '', thrown = null) => {
      const v = checkCloseArguments(code ?? undefined, reason === '' ? undefined : reason);
      return push('close-requested', at, {
        code,
        reason,
        reasonBytes: v.ok ? v.reasonBytes : 0,
        stack: 'at closeSocket (https://example.test/app.js:10:5)\nat onClick (https://example.test/app.js:20:3)',
        verdict: {
          ok: thrown === null,
          wireCode: v.ok && thrown === null ? v.wireCode : null,
          reasonBytes: v.ok ? v.reasonBytes : 0,
          thrown,
          predicted: null,
        },
        findings: v.findings,
      });
    },
    closed: (at, code, reason = '', wasClean = true) => push('closed', at, { code, reason, wasClean }),
    build: (network) => {
      const first = (type: string) => records.find((r) => r.type === type);
      const closed = records.find((r) => r.type === 'closed');
      const input: DiagnosisInput = {
        url,
        protocol,
        protocols,
        createdAt: first('created')?.time ?? T0,
        openedAt: first('open')?.time ?? null,
        errorAt: first('error')?.time ?? null,
        close: closed && closed.type === 'closed' ? { code: closed.code, reason: closed.reason, wasClean: closed.wasClean, time: closed.time } : null,
        closeRequests: records.filter((r): r is CloseRequestRecord => r.type === 'close-requested'),
        timeline: records,
      };
      if (network) input.network = network;
      return input;
    },
  };
  return b;
}
