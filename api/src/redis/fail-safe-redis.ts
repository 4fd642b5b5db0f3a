import { Redis } from 'ioredis';

/**
 * The Redis connection of a shared counter store (rate limits, the harvest guard) whose callers
 * fall back to counting in memory while Redis is away: it fails fast instead of queueing commands,
 * says so at most once a minute, and can be awaited at start-up so an instance's first requests
 * are counted in the shared budget.
 */
export class FailSafeRedis {
  readonly client: Redis;
  private lastWarningAt = 0;

  /** `purpose` names the store in warnings: "Redis for <purpose> failed…". */
  constructor(
    url: string,
    private readonly purpose: string,
    private readonly warn: (message: string) => void,
  ) {
    this.client = new Redis(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      // A Redis that accepts the connection but hangs must not hang requests either.
      commandTimeout: 1000,
    });
    this.client.on('error', (error: Error) => this.warnOnce(`Redis for ${purpose} failed: ${error.message}`));
  }

  /** True when commands can be sent now; otherwise warns (the caller counts in memory). */
  ready(): boolean {
    if (this.client.status === 'ready') return true;
    this.warnOnce(`Redis for ${this.purpose} is ${this.client.status}, counting in memory meanwhile.`);
    return false;
  }

  /** A command failed: the caller counts this one in memory. */
  failed(error: unknown): void {
    this.warnOnce(`Redis for ${this.purpose} failed, counting in memory meanwhile: ${error instanceof Error ? error.message : String(error)}`);
  }

  /** Resolves true once connected, false after the timeout (the memory fallback answers until then). */
  async waitUntilReady(timeoutMs: number): Promise<boolean> {
    if (this.client.status === 'ready') return true;
    return new Promise((resolve) => {
      const done = (ready: boolean) => {
        clearTimeout(timer);
        this.client.off('ready', onReady);
        resolve(ready);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.client.once('ready', onReady);
    });
  }

  /** Closes the connection so the process can exit. */
  async close(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }

  private warnOnce(message: string): void {
    const now = Date.now();
    if (now - this.lastWarningAt < 60_000) return;
    this.lastWarningAt = now;
    this.warn(message);
  }
}
