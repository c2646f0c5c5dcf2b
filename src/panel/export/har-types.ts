// The HAR 1.2 shapes we write, with Chrome's WebSocket extensions
// (`_resourceType`, `_webSocketMessages`) and our own (`_wsci`).
// @see http://www.softwareishard.com/blog/har-12-spec/

import type { Finding } from '../../core/types';
import type { DocumentSource } from '../../protocol/envelope';
import type { PageRecord, ReceivedKind, SentKind } from '../../protocol/records';
import type { NetworkEvidence } from '../network/types';
import type { CloseOutcome } from '../store/model';

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarWebSocketMessageOut {
  type: 'send' | 'receive' | 'error';
  /** Seconds since the epoch, fractional (as Chrome writes). */
  time: number;
  /** 1 text, 2 binary (data in base64), -1 error. */
  opcode: number;
  data: string;
}

/** Per `_webSocketMessages` item: what the HAR cannot say about one of our frames. */
export interface WsciFrameExtras {
  seq: number;
  /** ms epoch, exact (the HAR's seconds lose sub-ms digits). */
  time: number;
  kind: SentKind | ReceivedKind;
  /** Bytes of the whole frame: `data` holds only our preview. */
  size: number;
  truncated: boolean;
  /** Sends only. */
  readyState?: number;
  bufferedAmount?: number;
  findings?: Finding[];
}

export interface WsciEntryExtras {
  version: 1;
  source: DocumentSource;
  socket: number;
  /** Everything that is not a frame on the wire: created, open, error, close() calls, closed, sends that never left. */
  records: PageRecord[];
  /** Same order and length as `_webSocketMessages`; null for items that are not our frames (Chrome's error texts). */
  frames: Array<WsciFrameExtras | null>;
  /** Chrome's network log for this socket, when the panel had it; null when not. */
  network: NetworkEvidence | null;
  /** Summaries for other tools; an import re-derives both from `records` and `frames`. */
  close: CloseOutcome | null;
  findings: Array<Finding & { seq: number }>;
}

export interface HarEntryOut {
  pageref?: string;
  startedDateTime: string;
  time: number;
  request: {
    method: 'GET';
    url: string;
    httpVersion: string;
    headers: HarNameValue[];
    queryString: HarNameValue[];
    cookies: never[];
    headersSize: -1;
    bodySize: 0;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: HarNameValue[];
    cookies: never[];
    content: { size: 0; mimeType: string };
    redirectURL: '';
    headersSize: -1;
    bodySize: -1;
  };
  cache: Record<string, never>;
  timings: { blocked: number; dns: -1; connect: -1; ssl: -1; send: number; wait: number; receive: number };
  _resourceType: 'websocket';
  _webSocketMessages: HarWebSocketMessageOut[];
  _wsci: WsciEntryExtras;
}

export interface HarPageOut {
  startedDateTime: string;
  id: string;
  title: string;
  pageTimings: { onContentLoad: -1; onLoad: -1 };
}

export interface HarLogOut {
  log: {
    version: '1.2';
    creator: { name: string; version: string };
    pages: HarPageOut[];
    entries: HarEntryOut[];
  };
}
