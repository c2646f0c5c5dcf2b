// The benchmarks' own server on 127.0.0.1: one blank HTML page and three
// WebSocket endpoints the scenario server does not have.
//   /ws/echo         echoes every message (text or binary) back
//   /ws/sink         reads and discards (send-call timing, the pipeline): frame-sink.ts, not ws
//   /ws/flood        each text message "N" asks for N small text messages back

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { acceptSink } from './frame-sink';

export interface BenchServer {
  origin: string;
  wsOrigin: string;
  /**
   * Resolves once the sinks opened with this URL (path and query) have read
   * `count` messages in all. This server shares the cores with the browsers:
   * a round must not start while it still reads the last round's frames.
   */
  sinkDrained(url: string, count: number): Promise<void>;
  close(): Promise<void>;
}

const FLOOD_MESSAGE = 'flood-0123456789'; // 16 bytes

/** Messages read per sink URL (path and query), and the sinks' sockets. */
const sinkReads = new Map<string, number>();
const sinks = new Set<import('node:stream').Duplex>();

const HANDLERS: Record<string, (ws: WebSocket) => void> = {
  '/ws/echo': (ws) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })),
  '/ws/flood': (ws) =>
    ws.on('message', (data) => {
      const count = Number(String(data));
      for (let i = 0; i < count; i++) ws.send(FLOOD_MESSAGE);
    }),
};

export async function startBenchServer(): Promise<BenchServer> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end('<!doctype html><meta charset="utf-8"><title>bench</title><p>bench page</p>');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024, perMessageDeflate: false });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/ws/sink') {
      const url = req.url!;
      sinks.add(socket);
      socket.on('close', () => sinks.delete(socket));
      acceptSink(req, socket, head, () => sinkReads.set(url, (sinkReads.get(url) ?? 0) + 1));
      return;
    }
    const handler = HANDLERS[path];
    if (!handler) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => handler(ws));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    wsOrigin: `ws://127.0.0.1:${port}`,
    async sinkDrained(url, count) {
      const path = url.startsWith('ws://') ? url.slice(url.indexOf('/', 5)) : url;
      while ((sinkReads.get(path) ?? 0) < count) await new Promise((resolve) => setTimeout(resolve, 20));
    },
    async close() {
      for (const client of wss.clients) client.terminate();
      for (const socket of sinks) socket.destroy();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
