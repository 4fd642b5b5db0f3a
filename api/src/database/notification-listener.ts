import pg from 'pg';

export interface NotificationListenerOptions {
  connectionString: string;
  /** The channel to LISTEN on: a constant of the code, never input (it is spliced into the statement). */
  channel: string;
  /** Shown in pg_stat_activity, so an operator (or a test) can find this connection. */
  applicationName: string;
  onNotification(payload: string | undefined): void;
  /** After LISTEN succeeded; `again` is true when this follows a lost connection. */
  onListening(again: boolean): void;
  onLost(error: Error | undefined): void;
  /** Backoff after a lost or failed connection: first wait, doubled up to the maximum. */
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** How often the idle connection is checked; a hung one is replaced. */
  checkIntervalMs?: number;
}

/**
 * One dedicated connection (not from the pool, which would hand it back and lose the LISTEN)
 * that LISTENs on one channel. When it drops it reconnects with exponential backoff and LISTENs
 * again; the owner then makes up for the notices sent meanwhile, which are lost.
 */
export class NotificationListener {
  private client: pg.Client | undefined;
  private stopped = true;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private checkTimer: ReturnType<typeof setInterval> | undefined;
  private delayMs: number;
  private listenedBefore = false;

  constructor(private readonly options: NotificationListenerOptions) {
    this.delayMs = options.initialDelayMs ?? 100;
  }

  get connected(): boolean {
    return this.client !== undefined;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.checkTimer) clearInterval(this.checkTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.options.connectionString,
      application_name: this.options.applicationName,
      options: '-c timezone=UTC',
      keepAlive: true,
      connectionTimeoutMillis: 5000,
    });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.client === client) this.client = undefined;
      if (this.checkTimer) clearInterval(this.checkTimer);
      client.removeAllListeners('notification');
      client.end().catch(() => undefined);
      if (this.stopped) return;
      this.options.onLost(error);
      this.retryLater();
    };
    client.on('error', onLost);
    client.on('end', () => onLost(undefined));
    client.on('notification', (message) => {
      if (message.channel === this.options.channel) this.options.onNotification(message.payload);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.options.channel}`);
    } catch (error) {
      onLost(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (this.stopped || lost) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.delayMs = this.options.initialDelayMs ?? 100;
    const again = this.listenedBefore;
    this.listenedBefore = true;
    this.options.onListening(again);
    // A connection cut without a FIN (a NAT, a failed-over server) stays "open" forever: a
    // periodic trivial query finds out and triggers a reconnect.
    this.checkTimer = setInterval(() => {
      const timeout = setTimeout(() => onLost(new Error('The listening connection stopped answering.')), 10_000);
      client.query('SELECT 1').then(
        () => clearTimeout(timeout),
        (error: Error) => {
          clearTimeout(timeout);
          onLost(error);
        },
      );
    }, this.options.checkIntervalMs ?? 30_000);
    this.checkTimer.unref();
  }

  private retryLater(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const delay = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, this.options.maxDelayMs ?? 10_000);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.stopped) void this.connect();
    }, delay);
  }
}
