// A real WebSocket server on 127.0.0.1 for tests, the demo and benchmarks.
// Each path under /ws/ is a scenario; /ws/raw/* speak RFC 6455 by hand so
// they can misbehave on purpose. Two HTTP origins serve test pages, so pages
// can embed cross-origin frames. Everything the server sees is logged.

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { OPCODE, acceptKey, closePayload, encodeFrame, parseClientFrames, type ClientFrame } from './raw-frames';

export interface ServerEvent {
  conn: number;
  scenario: string;
  /** The request path and query of the connection. */
  url: string;
  type: 'open' | 'message' | 'close' | 'end' | 'rejected';
  /** message: text or hex of binary; close: the code the client sent (null if none). */
  text?: string;
  binary?: boolean;
  bytes?: number;
  code?: number | null;
  reason?: string;
}

export interface ScenarioServer {
  origin: string;
  crossOrigin: string;
  wsOrigin: string;
  events: ServerEvent[];
  /** Serves `html` at `path` on both origins (with optional extra headers). */
  page(path: string, html: string, headers?: Record<string, string>): void;
  waitFor(predicate: (e: ServerEvent) => boolean, timeoutMs?: number): Promise<ServerEvent>;
  close(): Promise<void>;
}

type Log = (e: Omit<ServerEvent, 'conn' | 'scenario' | 'url'>) => void;
type Handler = (ws: WebSocket, url: URL, log: Log) => void;

const WS_SCENARIOS: Record<string, Handler> = {
  echo: (ws) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })),
  close: (ws, url) => {
    const code = Number(url.searchParams.get('code') ?? 1000);
    const reason = url.searchParams.get('reason') ?? '';
    const after = Number(url.searchParams.get('after') ?? 0);
    const delay = Number(url.searchParams.get('delay') ?? 0);
    const closeNow = () => setTimeout(() => ws.close(code, reason), delay);
    if (after <= 0) closeNow();
    else {
      let count = 0;
      ws.on('message', () => {
        if (++count === after) closeNow();
      });
    }
  },
  'rate-limit': (ws, url) => {
    const max = Number(url.searchParams.get('max') ?? 5);
    const windowMs = Number(url.searchParams.get('window') ?? 1000);
    const times: number[] = [];
    ws.on('message', (data, isBinary) => {
      const now = Date.now();
      times.push(now);
      while (times.length > 0 && times[0]! < now - windowMs) times.shift();
      if (times.length > max) ws.close(1008, 'rate limit exceeded');
      else ws.send(data, { binary: isBinary });
    });
  },
  'size-limit': (ws, url) => {
    const max = Number(url.searchParams.get('max') ?? 1024);
    ws.on('message', (data: Buffer, isBinary) => {
      if (data.length > max) ws.close(1009, `message over ${max} bytes`);
      else ws.send(data, { binary: isBinary });
    });
  },
  expire: (ws, url) => {
    const ms = Number(url.searchParams.get('ms') ?? 1000);
    setTimeout(() => ws.close(1008, 'token expired'), ms);
  },
  'graphql-ws': (ws) => {
    // graphql-ws closes 4401 when a subscribe arrives before connection_ack.
    ws.on('message', (data) => {
      let type = '';
      try {
        type = JSON.parse(String(data)).type;
      } catch {
        ws.close(4400, 'Invalid message received');
        return;
      }
      if (type === 'connection_init') ws.send(JSON.stringify({ type: 'connection_ack' }));
      else if (type === 'subscribe') ws.close(4401, 'Unauthorized');
    });
  },
  stream: (ws, url) => {
    // Pushes `tick 1`, `tick 2`, ... every `every` ms until the client goes
    // (or `count` ticks, then a clean close), so a page always sees a numbered run.
    const every = Number(url.searchParams.get('every') ?? 5);
    const count = Number(url.searchParams.get('count') ?? 0);
    let sent = 0;
    const timer = setInterval(() => {
      if (ws.readyState !== ws.OPEN) return;
      ws.send(`tick ${++sent}`);
      if (count > 0 && sent >= count) {
        clearInterval(timer);
        ws.close(1000, 'stream done');
      }
    }, every);
    ws.on('close', () => clearInterval(timer));
  },
  flood: (ws, url) => {
    // `count` 16-byte text messages ("m" + the index in 15 digits) as fast as
    // the client reads them, then close(1000, 'flood done'). Sends 1,000 at a
    // time and waits until they are written (the send callback), so a slow
    // reader holds the flood back instead of the server queueing all of it.
    const count = Number(url.searchParams.get('count') ?? 1000);
    void (async () => {
      for (let i = 0; i < count && ws.readyState === ws.OPEN; ) {
        let flushed: Promise<void> = Promise.resolve();
        for (const end = Math.min(count, i + 1000); i < end; i++) {
          const last = i === end - 1;
          const message = `m${String(i).padStart(15, '0')}`;
          if (last) flushed = new Promise((resolve) => ws.send(message, () => resolve()));
          else ws.send(message);
        }
        await flushed;
      }
      if (ws.readyState === ws.OPEN) ws.close(1000, 'flood done');
    })();
  },
  utf8check: (ws) => {
    // Like a strict server: rejects text that carries U+FFFD (a failed conversion upstream).
    ws.on('message', (data, isBinary) => {
      if (!isBinary && String(data).includes('\uFFFD')) ws.close(1007, 'invalid UTF-8 payload');
      else ws.send(data, { binary: isBinary });
    });
  },
};

type RawHandler = (socket: Duplex, url: URL, frames: ClientFrame[]) => void;

const RAW_SCENARIOS: Record<string, RawHandler> = {
  'bad-utf8-text': (socket) => socket.write(encodeFrame(OPCODE.text, Uint8Array.of(0xc3, 0x28))),
  'bad-utf8-reason': (socket) => socket.write(encodeFrame(OPCODE.close, closePayload(1000, Uint8Array.of(0xff, 0xfe)))),
  'empty-close': (socket) => socket.write(encodeFrame(OPCODE.close, closePayload(null))),
  'reserved-close': (socket, url) =>
    socket.write(encodeFrame(OPCODE.close, closePayload(Number(url.searchParams.get('code') ?? 1006)))),
  drop: (socket, url) => {
    const delay = Number(url.searchParams.get('delay') ?? 50);
    setTimeout(() => socket.destroy(), delay);
  },
};

/** Ports 0 (the default) pick free ones; the demo asks for fixed ones it can print. */
export async function startScenarioServer(ports: [number, number] = [0, 0]): Promise<ScenarioServer> {
  const events: ServerEvent[] = [];
  const waiters = new Set<{ predicate: (e: ServerEvent) => boolean; resolve: (e: ServerEvent) => void }>();
  const pages = new Map<string, { html: string; headers: Record<string, string> }>();
  let nextConn = 0;
  /** Upgraded sockets are no longer the HTTP server's: close() ends them itself. */
  const upgraded = new Set<Duplex>();

  const push = (event: ServerEvent) => {
    events.push(event);
    for (const waiter of waiters) {
      if (waiter.predicate(event)) {
        waiters.delete(waiter);
        waiter.resolve(event);
      }
    }
  };

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  const httpHandler = (req: IncomingMessage, res: import('node:http').ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const page = pages.get(path);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers });
    res.end(page.html);
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const conn = ++nextConn;
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
    const name = url.pathname.replace(/^\/ws\//, '');
    const log: Log = (e) => push({ conn, scenario: name, url: req.url ?? '', ...e });
    socket.on('error', () => {});

    if (name === 'reject') {
      const status = Number(url.searchParams.get('status') ?? 403);
      log({ type: 'rejected', code: status });
      socket.end(`HTTP/1.1 ${status} Rejected\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      return;
    }
    if (name.startsWith('raw/')) {
      const raw = RAW_SCENARIOS[name.slice(4)];
      if (!raw) return void socket.destroy();
      acceptRaw(req, socket, url, raw, log);
      return;
    }
    const scenario = WS_SCENARIOS[name];
    if (!scenario) return void socket.destroy();
    wss.handleUpgrade(req, socket, head, (ws) => {
      log({ type: 'open' });
      ws.on('message', (data: Buffer, isBinary) =>
        log({ type: 'message', binary: isBinary, bytes: data.length, text: isBinary ? data.toString('hex') : data.toString('utf8') }),
      );
      ws.on('close', (code, reason) => log({ type: 'close', code: code === 1005 ? null : code, reason: reason.toString() }));
      ws.on('error', () => {});
      scenario(ws, url, log);
    });
  };

  const servers = [createServer(httpHandler), createServer(httpHandler)];
  for (const server of servers) server.on('upgrade', onUpgrade);
  const bound = await Promise.all(servers.map((s, i) => listen(s, ports[i]!)));

  return {
    origin: `http://127.0.0.1:${bound[0]}`,
    crossOrigin: `http://127.0.0.1:${bound[1]}`,
    wsOrigin: `ws://127.0.0.1:${bound[0]}`,
    events,
    page(path, html, headers = {}) {
      pages.set(path, { html, headers });
    },
    waitFor(predicate, timeoutMs = 20_000) {
      const found = events.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter)) reject(new Error('server event did not happen in time'));
        }, timeoutMs).unref();
      });
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      for (const socket of upgraded) socket.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); })));
    },
  };
}

function acceptRaw(
  req: IncomingMessage,
  socket: Duplex,
  url: URL,
  handler: RawHandler,
  log: Log,
): void {
  const key = String(req.headers['sec-websocket-key'] ?? '');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${acceptKey(key)}\r\n\r\n`,
  );
  log({ type: 'open' });
  let pending: Buffer = Buffer.alloc(0);
  const frames: ClientFrame[] = [];
  socket.on('data', (chunk: Buffer) => {
    const parsed: ClientFrame[] = [];
    pending = parseClientFrames(Buffer.concat([pending, chunk]), parsed);
    for (const frame of parsed) {
      frames.push(frame);
      if (frame.opcode === OPCODE.close) {
        const code = frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : null;
        log({ type: 'close', code, reason: frame.payload.subarray(2).toString('utf8') });
        // The closing handshake is complete once both sides sent Close: the server drops TCP.
        socket.end();
      } else {
        log({ type: 'message', binary: frame.opcode !== OPCODE.text, bytes: frame.payload.length, text: frame.payload.toString('hex') });
      }
    }
  });
  socket.on('close', () => log({ type: 'end' }));
  handler(socket, url, frames);
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
