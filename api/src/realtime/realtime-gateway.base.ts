import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import { ConnectedSocket, MessageBody, SubscribeMessage, type OnGatewayConnection } from '@nestjs/websockets';
import type { WebSocket } from 'ws';
import { WS_DEFAULT_LIMITS, type ClientMessage, type ErrorMessage, type PongMessage, type ServerMessage } from '@aiparksit/shared';
import { INVALID_FRAME_EVENT } from './client-frame-decoder.js';
import { RealtimeException } from './realtime.exception.js';
import { RealtimeHub } from './realtime-hub.js';
import type { RealtimeSession } from './realtime-session.js';
import { selectProtocol } from './handshake-credentials.js';

/**
 * Options both gateways share: frames over 64 KiB are refused by `ws` (close 1009), no
 * per-message compression (it costs CPU and memory per socket for small JSON), and the
 * subprotocol answer never echoes a token.
 */
export const GATEWAY_OPTIONS = {
  maxPayload: WS_DEFAULT_LIMITS.maxFrameBytes,
  perMessageDeflate: false,
  handleProtocols: selectProtocol,
} as const;

/**
 * The protocol of both WebSocket paths: ping, subscribe, unsubscribe, and an error answer for
 * anything else. Every message counts against the socket's per-second budget. A refused
 * message is answered with an error and the socket stays open.
 */
export abstract class RealtimeGatewayBase implements OnGatewayConnection<WebSocket> {
  protected abstract readonly path: string;
  private readonly logger = new Logger(RealtimeGatewayBase.name);

  constructor(protected readonly hub: RealtimeHub) {}

  handleConnection(socket: WebSocket, request: IncomingMessage): void {
    this.hub.open(socket, request, this.path);
  }

  @SubscribeMessage('ping')
  ping(@ConnectedSocket() socket: WebSocket): Promise<ServerMessage | undefined> {
    return this.act(socket, (): PongMessage => ({ type: 'pong', at: new Date().toISOString() }));
  }

  @SubscribeMessage('subscribe')
  subscribe(@ConnectedSocket() socket: WebSocket, @MessageBody() message: ClientMessage): Promise<ServerMessage | undefined> {
    return this.act(socket, (session) => this.hub.subscribe(session, message));
  }

  @SubscribeMessage('unsubscribe')
  unsubscribe(@ConnectedSocket() socket: WebSocket, @MessageBody() message: ClientMessage): Promise<ServerMessage | undefined> {
    return this.act(socket, (session) => this.hub.unsubscribe(session, message));
  }

  @SubscribeMessage(INVALID_FRAME_EVENT)
  invalidFrame(@ConnectedSocket() socket: WebSocket, @MessageBody() reason: string): Promise<ServerMessage | undefined> {
    return this.act(socket, (): ErrorMessage => ({ type: 'error', code: 'invalid_frame', message: reason }));
  }

  /** Waits for the handshake, applies the message budget, and turns refusals into error messages. */
  private async act(socket: WebSocket, handle: (session: RealtimeSession) => ServerMessage | Promise<ServerMessage>): Promise<ServerMessage | undefined> {
    const session = await this.hub.sessionOf(socket);
    if (!session) return undefined;
    const admitted = this.hub.admit(session);
    if (admitted === 'drop') return undefined;
    if (admitted !== 'ok') return admitted;
    try {
      return await handle(session);
    } catch (error) {
      if (error instanceof RealtimeException) return { type: 'error', code: error.code, message: error.message };
      // A failure of ours (the database, say) is logged; the client is told, and keeps its socket.
      this.logger.error(`WebSocket message failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return { type: 'error', code: 'server_error', message: 'The server could not handle this message; try again.' };
    }
  }
}
