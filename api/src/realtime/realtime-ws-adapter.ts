import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { INestApplicationContext } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import type { WebSocketServer } from 'ws';
import { requestIdFor, writeRawErrorEnvelope } from '../common/http/index.js';
import { decodeClientFrame } from './client-frame-decoder.js';
import { NO_WEBSOCKET_HERE, upgradeRefusal } from './upgrade-refusal.js';

type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Plain WebSockets (the `ws` package) on the API's own HTTP server — Fastify's — so HTTP and
 * `/ws` share one port and one nginx upstream. Frames are decoded as our protocol, not Nest's
 * `{event, data}` shape.
 *
 * Upgrades are routed here rather than by Nest's listener, which closes the connection without a
 * word for an unknown path and answers a malformed handshake with the error's text; every refusal
 * here is an HTTP answer in the API's error envelope that echoes nothing the client sent.
 */
export class RealtimeWsAdapter extends WsAdapter {
  private readonly upgradeListeners = new Map<number, { server: Server; listener: UpgradeListener }>();

  constructor(app: INestApplicationContext) {
    super(app, { messageParser: (frame) => decodeClientFrame(frame) });
  }

  protected override ensureHttpServerExists(port: number, httpServer: Server = createServer()): Server | undefined {
    if (this.httpServersRegistry.has(port)) return undefined;
    this.httpServersRegistry.set(port, httpServer);
    const listener: UpgradeListener = (request, socket, head) => this.routeUpgrade(port, request, socket as Socket, head);
    httpServer.on('upgrade', listener);
    this.upgradeListeners.set(port, { server: httpServer, listener });
    return httpServer;
  }

  override async dispose(): Promise<void> {
    for (const { server, listener } of this.upgradeListeners.values()) server.off('upgrade', listener);
    this.upgradeListeners.clear();
    await super.dispose();
  }

  private routeUpgrade(port: number, request: IncomingMessage, socket: Socket, head: Buffer): void {
    // A client that resets mid-handshake must not become an unhandled 'error' event.
    socket.on('error', () => socket.destroy());
    const servers = (this.wsServersRegistry.get(port) ?? []) as (WebSocketServer & { path: string })[];
    const pathname = (request.url ?? '').split('?')[0];
    const server = servers.find((candidate) => candidate.path === pathname);
    const refusal = server ? upgradeRefusal(request) : NO_WEBSOCKET_HERE;
    if (refusal || !server) {
      const answer = refusal ?? NO_WEBSOCKET_HERE;
      writeRawErrorEnvelope(socket, answer, requestIdFor(request), answer.statusCode === 426 ? 'Sec-WebSocket-Version: 13\r\n' : '');
      socket.destroy();
      return;
    }
    server.handleUpgrade(request, socket, head, (ws) => server.emit('connection', ws, request));
  }
}
