// Reads one entry of a HAR log (Chrome's devtools.network, or a .har file)
// into a checked shape, if it is a WebSocket. HAR data is untrusted: any
// field may be missing or of the wrong type, so this never throws.
// @see Chrome DevTools HARWriter: `_resourceType`, `_webSocketMessages`
//      {type, time, opcode, data}; error frames have opcode -1.

const MAX_TEXT = 2048;
const MAX_URL = 8192;

export interface HarWebSocketMessage {
  type: 'send' | 'receive' | 'error';
  /** As written: seconds (Chrome: epoch seconds; some tools: monotonic seconds). */
  time: number;
  /** 1 text, 2 binary (base64 data), -1 error. */
  opcode: number;
  data: string;
}

export interface HarWebSocketEntry {
  url: string;
  /** `startedDateTime` in ms epoch. */
  startedAt: number;
  status: number;
  statusText: string;
  /** blocked + send + wait: when the 101 arrived, ms after `startedAt`; null when unknown. */
  handshakeMs: number | null;
  /** The entry's `time` (Chrome: from start to the socket's end), null when absent. */
  totalMs: number | null;
  requestHeaders: Record<string, string>;
  responseHeaders: Record<string, string>;
  /** The messages that passed the checks, in log order. */
  messages: HarWebSocketMessage[];
  /** Messages that did not (wrong type, opcode or data). */
  invalidMessages: number;
  /** `response._error` (Chrome's localized failure description), when set. */
  failure: string | null;
  pageref: string | null;
}

type Obj = Record<string, unknown>;

const REQUEST_HEADERS = ['Sec-WebSocket-Protocol', 'Sec-WebSocket-Extensions', 'Sec-WebSocket-Version', 'Origin'];
const RESPONSE_HEADERS = ['Sec-WebSocket-Protocol', 'Sec-WebSocket-Extensions', 'Sec-WebSocket-Accept'];

function asObj(value: unknown): Obj | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : null;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function url(entry: Obj): string | null {
  const value = asObj(entry.request)?.url;
  return typeof value === 'string' && value.length <= MAX_URL ? value : null;
}

/** True for entries Chrome marks as WebSocket, or whose request URL is ws: / wss:. */
export function isWebSocketHarEntry(value: unknown): boolean {
  try {
    const entry = asObj(value);
    if (!entry) return false;
    if (entry._resourceType === 'websocket') return true;
    const u = url(entry);
    return u !== null && /^wss?:/i.test(u);
  } catch {
    return false;
  }
}

/** The headers named in `wanted` (case-insensitive), under those names; repeated ones joined with ', '. */
export function pickHeaders(value: unknown, wanted: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  if (!Array.isArray(value)) return result;
  const canonical = new Map(wanted.map((name) => [name.toLowerCase(), name]));
  for (const item of value) {
    const header = asObj(item);
    if (!header || typeof header.name !== 'string' || typeof header.value !== 'string') continue;
    const name = canonical.get(header.name.toLowerCase());
    if (!name) continue;
    const text = header.value.slice(0, MAX_TEXT);
    result[name] = name in result ? `${result[name]}, ${text}` : text;
  }
  return result;
}

function readMessage(value: unknown): HarWebSocketMessage | null {
  const m = asObj(value);
  if (!m) return null;
  const time = finite(m.time);
  const opcode = finite(m.opcode);
  if (time === null || opcode === null || typeof m.data !== 'string') return null;
  if (m.type === 'error') return { type: 'error', time, opcode, data: m.data.slice(0, MAX_TEXT) };
  if ((m.type === 'send' || m.type === 'receive') && (opcode === 1 || opcode === 2)) {
    return { type: m.type, time, opcode, data: m.data };
  }
  return null;
}

function handshakeMs(timings: Obj | null): number | null {
  if (!timings) return null;
  let total = 0;
  let known = false;
  for (const key of ['blocked', 'dns', 'connect', 'send', 'wait']) {
    const t = finite(timings[key]);
    if (t !== null && t > 0) total += t;
    if (t !== null) known = true;
  }
  return known ? total : null;
}

function readEntry(entry: Obj): HarWebSocketEntry | null {
  const u = url(entry);
  const started = typeof entry.startedDateTime === 'string' ? Date.parse(entry.startedDateTime) : NaN;
  if (u === null || !Number.isFinite(started)) return null;
  const request = asObj(entry.request);
  const response = asObj(entry.response);
  const status = finite(response?.status);
  const messages: HarWebSocketMessage[] = [];
  let invalidMessages = 0;
  const raw = entry._webSocketMessages;
  if (Array.isArray(raw)) {
    for (const item of raw) {
      const message = readMessage(item);
      if (message) messages.push(message);
      else invalidMessages++;
    }
  }
  const failure = response?._error;
  return {
    url: u,
    startedAt: started,
    status: status !== null && Number.isInteger(status) && status >= 0 && status < 1000 ? status : 0,
    statusText: typeof response?.statusText === 'string' ? response.statusText.slice(0, MAX_TEXT) : '',
    handshakeMs: handshakeMs(asObj(entry.timings)),
    totalMs: finite(entry.time),
    requestHeaders: pickHeaders(request?.headers, REQUEST_HEADERS),
    responseHeaders: pickHeaders(response?.headers, RESPONSE_HEADERS),
    messages,
    invalidMessages,
    failure: typeof failure === 'string' && failure !== '' ? failure.slice(0, MAX_TEXT) : null,
    pageref: typeof entry.pageref === 'string' ? entry.pageref : null,
  };
}

/** A checked copy of a WebSocket HAR entry, or null (not a WebSocket, or unusable). */
export function readHarWebSocketEntry(value: unknown): HarWebSocketEntry | null {
  try {
    const entry = asObj(value);
    return entry && isWebSocketHarEntry(entry) ? readEntry(entry) : null;
  } catch {
    // A getter of a hostile object, or anything else: unusable, never fatal.
    return null;
  }
}
