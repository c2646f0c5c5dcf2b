// The benchmarks' own server on 127.0.0.1: one blank HTML page and three
// WebSocket endpoints the scenario server does not have.
//   /ws/echo         echoes every message (text or binary) back
//   /ws/sink         reads and discards (send-call timing, the pipeline)
//   /ws/flood        each text message "N" asks for N small text messages back

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface BenchServer {
  origin: string;
  wsOrigin: string;
  close(): Promise<void>;
}

const FLOOD_MESSAGE = 'flood-0123456789'; // 16 bytes

const HANDLERS: Record<string, (ws: WebSocket) => void> = {
  '/ws/echo': (ws) => ws.on('message', (data, isBinary) => ws.send(data, { binary: isBinary })),
  '/ws/sink': () => {},
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
    const handler = HANDLERS[new URL(req.url ?? '/', 'http://x').pathname];
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
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
