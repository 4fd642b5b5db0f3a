import {
  WS_CLOSE_CODES,
  WS_RECONNECT_DELAY_MS,
  type ClientMessage,
  type ConnectionState,
  type ServerEventEnvelope,
  type ServerMessage,
} from '@aiparksit/shared';
import { SubscriptionRegistry } from './subscription-registry';

/** The part of the browser's WebSocket this connection uses (a fake stands in for it in tests). */
export interface SocketLike {
  readyState: number;
  onopen: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface RealtimeConnectionOptions {
  url: string;
  /** `protocols` carry the credentials (see WS_PROTOCOL): asked afresh for every socket. */
  createSocket: (url: string, protocols: string[]) => SocketLike;
  /** The subprotocols to offer; called for every socket, so a renewed token is used at once. */
  protocols?: () => string[];
  /** The server refused the credentials (4401): renew them; the connection retries after the delay. */
  onUnauthenticated?: () => void;
  reconnectDelayMs?: number;
  /** Keeps idle proxies (nginx closes after 60 s by default) from dropping a quiet socket. */
  pingIntervalMs?: number;
  /** Runs the subscription flush after the current render; tests flush by hand. */
  schedule?: (task: () => void) => void;
}

/** Why cached data may be out of date: the server said so, or the socket was down for a while. */
export type ResyncReason = 'server' | 'reconnected';

const OPEN = 1;

/**
 * One WebSocket that comes back by itself: after a drop it waits `reconnectDelayMs` and
 * reconnects, then subscribes again to everything held. Knows nothing about React.
 */
export class RealtimeConnection {
  private socket: SocketLike | null = null;
  /** A socket opened with renewed credentials, replacing `socket` once it is open. */
  private successor: SocketLike | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private flushScheduled = false;
  private stopped = true;
  /** Set once a socket was live: an open after that follows a gap in which events were missed. */
  private wasLive = false;
  private state: ConnectionState = 'offline';
  private readonly registry = new SubscriptionRegistry();
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly messageListeners = new Set<(message: ServerMessage) => void>();
  private readonly eventListeners = new Set<(event: ServerEventEnvelope) => void>();
  private readonly resyncListeners = new Set<(reason: ResyncReason) => void>();

  constructor(private readonly options: RealtimeConnectionOptions) {}

  get connectionState(): ConnectionState {
    return this.state;
  }

  /** The facilities followed now (by any component). */
  get subscribedFacilityIds(): string[] {
    return this.registry.facilityIds;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.wasLive = false;
    this.open('connecting');
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    this.discard(this.socket);
    this.discard(this.successor);
    this.socket = null;
    this.successor = null;
    this.setState('offline');
  }

  /**
   * The credentials changed (the access token was renewed): use them now. A live socket stays
   * until its successor is open, so no event falls in between. A connection waiting to
   * reconnect keeps waiting (its next attempt asks for the new token): reconnecting at once
   * could loop fast if the server kept refusing renewed tokens.
   */
  renewCredentials(): void {
    if (this.stopped || this.reconnectTimer) return;
    if (this.state !== 'live') {
      this.discard(this.socket);
      this.socket = null;
      this.open(this.state === 'connecting' ? 'connecting' : 'reconnecting');
      return;
    }
    this.discard(this.successor);
    this.successor = this.createSocket();
    if (!this.successor) return;
    const successor = this.successor;
    successor.onopen = () => {
      if (this.successor !== successor) return;
      const previous = this.socket;
      this.successor = null;
      this.socket = successor;
      this.discard(previous);
      this.attach(successor);
      this.becomeLive(successor);
    };
    successor.onmessage = (event) => this.dispatch(event.data);
    successor.onerror = () => undefined;
    // A successor that fails leaves the current socket in charge.
    successor.onclose = () => {
      if (this.successor === successor) this.successor = null;
    };
  }

  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  /** Every message from the server (welcome, subscribed, error, resync, events). */
  onMessage(listener: (message: ServerMessage) => void): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  onEvent(listener: (event: ServerEventEnvelope) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Called when cached data may have missed events: refetch what is shown. */
  onResync(listener: (reason: ResyncReason) => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  /**
   * Follows these facilities until the returned function runs; kept across reconnects.
   * Calls made in one render are sent together as one message.
   */
  subscribe(facilityIds: readonly string[]): () => void {
    const ids = [...facilityIds];
    this.registry.acquire(ids);
    this.scheduleFlush();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.registry.release(ids);
      this.scheduleFlush();
    };
  }

  send(message: ClientMessage): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    (this.options.schedule ?? queueMicrotask)(() => {
      this.flushScheduled = false;
      // While no socket is open the changes wait: the next open sends everything held.
      if (this.socket?.readyState !== OPEN) return;
      for (const message of this.registry.takeChanges()) this.send(message);
    });
  }

  private createSocket(): SocketLike | null {
    try {
      return this.options.createSocket(this.options.url, this.options.protocols?.() ?? []);
    } catch {
      return null;
    }
  }

  private open(state: 'connecting' | 'reconnecting'): void {
    this.setState(state);
    const socket = this.createSocket();
    if (!socket) {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => this.becomeLive(socket);
    this.attach(socket);
  }

  private attach(socket: SocketLike): void {
    socket.onmessage = (event) => this.dispatch(event.data);
    // A failed handshake fires error and then close; close alone decides what happens next.
    socket.onerror = () => undefined;
    socket.onclose = (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      if (event?.code === WS_CLOSE_CODES.unauthenticated) this.options.onUnauthenticated?.();
      // This account may not use this path: retrying cannot help.
      if (event?.code === WS_CLOSE_CODES.forbidden) {
        this.clearTimers();
        this.setState('offline');
        return;
      }
      this.scheduleReconnect();
    };
  }

  private becomeLive(socket: SocketLike): void {
    const missedEvents = this.wasLive && this.state !== 'live';
    this.wasLive = true;
    this.setState('live');
    for (const message of this.registry.takeAll()) socket.send(JSON.stringify(message));
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = setInterval(() => this.send({ type: 'ping' }), this.options.pingIntervalMs ?? 25_000);
    if (missedEvents) this.resync('reconnected');
  }

  private scheduleReconnect(): void {
    this.clearTimers();
    if (this.stopped) return;
    this.setState('reconnecting');
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (!this.stopped) this.open('reconnecting');
    }, this.options.reconnectDelayMs ?? WS_RECONNECT_DELAY_MS);
  }

  private dispatch(raw: unknown): void {
    if (typeof raw !== 'string') return;
    let message: unknown;
    try {
      message = JSON.parse(raw);
    } catch {
      return;
    }
    if (!isServerMessage(message)) return;
    for (const listener of this.messageListeners) listener(message);
    if (message.type === 'event' && typeof message.event === 'string') for (const listener of this.eventListeners) listener(message);
    if (message.type === 'resync') this.resync('server');
  }

  private resync(reason: ResyncReason): void {
    for (const listener of this.resyncListeners) listener(reason);
  }

  private discard(socket: SocketLike | null): void {
    if (!socket) return;
    socket.onopen = null;
    socket.onclose = null;
    socket.onmessage = null;
    socket.close();
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.reconnectTimer = null;
    this.pingTimer = null;
  }

  private setState(next: ConnectionState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.stateListeners) listener(next);
  }
}

function isServerMessage(message: unknown): message is ServerMessage {
  return typeof message === 'object' && message !== null && typeof (message as { type?: unknown }).type === 'string';
}
