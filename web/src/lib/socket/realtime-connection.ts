import {
  WS_RECONNECT_DELAY_MS,
  type ClientMessage,
  type ConnectionState,
  type ServerEventEnvelope,
} from '@aiparksit/shared';

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
  createSocket: (url: string) => SocketLike;
  reconnectDelayMs?: number;
  /** Keeps idle proxies (nginx closes after 60 s by default) from dropping a quiet socket. */
  pingIntervalMs?: number;
}

const OPEN = 1;

/**
 * One WebSocket that comes back by itself: after a drop it waits `reconnectDelayMs` and
 * reconnects, then sends every active subscription again. Knows nothing about React.
 */
export class RealtimeConnection {
  private socket: SocketLike | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private pingTimer: ReturnType<typeof setInterval> | null = null;
  private stopped = true;
  private state: ConnectionState = 'offline';
  private readonly stateListeners = new Set<(state: ConnectionState) => void>();
  private readonly eventListeners = new Set<(event: ServerEventEnvelope) => void>();
  private readonly subscriptions = new Set<ClientMessage & { type: 'subscribe' }>();

  constructor(private readonly options: RealtimeConnectionOptions) {}

  get connectionState(): ConnectionState {
    return this.state;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.open('connecting');
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
    this.setState('offline');
  }

  onStateChange(listener: (state: ConnectionState) => void): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onEvent(listener: (event: ServerEventEnvelope) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  /** Subscribes now if connected, and again after every reconnect until the returned function runs. */
  subscribe(message: ClientMessage & { type: 'subscribe' }): () => void {
    this.subscriptions.add(message);
    this.send(message);
    return () => {
      this.subscriptions.delete(message);
      const { type: _type, ...target } = message;
      this.send({ type: 'unsubscribe', ...target });
    };
  }

  send(message: ClientMessage): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private open(state: 'connecting' | 'reconnecting'): void {
    this.setState(state);
    let socket: SocketLike;
    try {
      socket = this.options.createSocket(this.options.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.setState('live');
      for (const subscription of this.subscriptions) this.send(subscription);
      const interval = this.options.pingIntervalMs ?? 25_000;
      this.pingTimer = setInterval(() => this.send({ type: 'ping' }), interval);
    };
    socket.onmessage = (event) => this.dispatch(event.data);
    // A failed handshake fires error and then close; close alone decides what happens next.
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.scheduleReconnect();
    };
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
    if (isServerEvent(message)) for (const listener of this.eventListeners) listener(message);
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

function isServerEvent(message: unknown): message is ServerEventEnvelope {
  return typeof message === 'object' && message !== null && (message as ServerEventEnvelope).type === 'event' && typeof (message as ServerEventEnvelope).event === 'string';
}
