// The benchmarks' own server on 127.0.0.1: one blank HTML page and three
// WebSocket endpoints the scenario server does not have.
//   /ws/echo         echoes every message (text or binary) back
//   /ws/sink         reads and discards (send-call timing, the pipeline)
//   /ws/flood        each text message "N" asks for N small text messages back
// The sink and the flood are raw (frame-sink.ts), not ws: see there why.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { acceptRaw, textFrames } from './frame-sink';

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
const FLOOD_PIECE = 1000;
const floodPiece = textFrames(FLOOD_MESSAGE, FLOOD_PIECE);

/** Messages read per sink URL (path and query), and the sinks' sockets. */
const sinkReads = new Map<string, number>();
const raw = new Set<import('node:stream').Duplex>();

const HANDLERS: Record<string, (ws: WebSocket) => void> = {
  '/ws/echo': (ws) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })),
};

export async function startBenchServer(): Promise<BenchServer> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end('<!doctype html><meta charset="utf-8"><title>bench</title><p>bench page</p>');
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024, perMessageDeflate: false });
  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/ws/sink' || path === '/ws/flood') {
      const url = req.url!;
      raw.add(socket);
      socket.on('close', () => raw.delete(socket));
      if (path === '/ws/sink') acceptRaw(req, socket, head, () => sinkReads.set(url, (sinkReads.get(url) ?? 0) + 1));
      else {
        acceptRaw(req, socket, head, (text) => {
          const count = Number(text);
          // Written in pieces of FLOOD_PIECE frames; write() queues them in order.
          for (let sent = 0; Number.isInteger(count) && sent < count; sent += FLOOD_PIECE) {
            socket.write(sent + FLOOD_PIECE <= count ? floodPiece : textFrames(FLOOD_MESSAGE, count - sent));
          }
        });
      }
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
      for (const socket of raw) socket.destroy();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
