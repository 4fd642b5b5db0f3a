import { Redis } from 'ioredis';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { MemoryThrottlerStorage } from './memory-throttler-storage.js';
import { windowRecord, type ThrottlerStorageRecord } from './throttler-record.js';

/**
 * One hit, atomically, in one round trip: count it in the window (the window starts with its
 * first hit), start a block when the count passes the limit, and while blocked count nothing.
 * KEYS[1] counter, KEYS[2] block marker; ARGV ttl ms, limit, block duration ms.
 * Returns { hits, window ms left, block ms left (0 = not blocked) }; while blocked the hits are
 * reported as limit + 1, since they are not counted.
 */
export const THROTTLE_HIT_SCRIPT = `
local ttl = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local block = tonumber(ARGV[3])
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  return { limit + 1, blockLeft, blockLeft }
end
local hits = redis.call('INCR', KEYS[1])
local windowLeft = redis.call('PTTL', KEYS[1])
if hits == 1 or windowLeft < 0 then
  redis.call('PEXPIRE', KEYS[1], ttl)
  windowLeft = ttl
end
if hits > limit then
  if block > 0 then
    redis.call('SET', KEYS[2], '1', 'PX', block)
    -- a fresh window starts with the first hit after the block
    redis.call('DEL', KEYS[1])
    return { hits, block, block }
  end
  return { hits, windowLeft, windowLeft }
end
return { hits, windowLeft, 0 }
`;

type HitReply = [number, number, number];
interface RedisWithThrottle extends Redis {
  throttleHit(counterKey: string, blockKey: string, ttl: number, limit: number, blockDuration: number): Promise<HitReply>;
}

export interface RedisThrottlerStorageOptions {
  url: string;
  /** Counts hits while Redis does not answer, so limits still hold per instance. */
  fallback: MemoryThrottlerStorage;
  /** Told when Redis fails, at most once a minute. */
  warn: (message: string) => void;
  keyPrefix?: string;
}

/**
 * Counters shared by every API instance, in Redis. When Redis is unreachable each hit is counted
 * in memory instead (fail safe, not fail open): a Redis outage must neither take the API down nor
 * switch rate limiting off.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly redis: RedisWithThrottle;
  private readonly prefix: string;
  private lastWarningAt = 0;

  constructor(private readonly options: RedisThrottlerStorageOptions) {
    this.prefix = options.keyPrefix ?? 'aiparksit:throttle:';
    const redis = new Redis(options.url, {
      // Fail fast instead of queueing requests while Redis is away; the fallback answers meanwhile.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      // A Redis that accepts the connection but hangs must not hang requests either.
      commandTimeout: 1000,
    });
    redis.on('error', (error: Error) => this.warnOnce(`Redis for rate limits failed: ${error.message}`));
    redis.defineCommand('throttleHit', { numberOfKeys: 2, lua: THROTTLE_HIT_SCRIPT });
    this.redis = redis as RedisWithThrottle;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, _throttlerName?: string): Promise<ThrottlerStorageRecord> {
    // The braces are a Redis Cluster hash tag: a counter and its block marker share a slot.
    const counterKey = `${this.prefix}{${key}}`;
    if (this.redis.status !== 'ready') {
      this.warnOnce(`Redis for rate limits is ${this.redis.status}, counting in memory meanwhile.`);
      return this.options.fallback.hit(key, ttl, limit, blockDuration);
    }
    try {
      const [hits, windowLeftMs, blockLeftMs] = await this.redis.throttleHit(counterKey, `${counterKey}:block`, ttl, limit, blockDuration);
      return windowRecord({ hits, windowLeftMs, blockLeftMs });
    } catch (error) {
      this.warnOnce(`Redis for rate limits failed, counting in memory meanwhile: ${error instanceof Error ? error.message : String(error)}`);
      return this.options.fallback.hit(key, ttl, limit, blockDuration);
    }
  }

  /**
   * Resolves true once connected, false after the timeout (hits are counted in memory until then).
   * Awaited at start-up so the first requests of an instance are counted in the shared budget.
   */
  async waitUntilReady(timeoutMs: number): Promise<boolean> {
    if (this.redis.status === 'ready') return true;
    return new Promise((resolve) => {
      const done = (ready: boolean) => {
        clearTimeout(timer);
        this.redis.off('ready', onReady);
        resolve(ready);
      };
      const onReady = () => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.redis.once('ready', onReady);
    });
  }

  /** Closes the connection so the process can exit. */
  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  private warnOnce(message: string): void {
    const now = Date.now();
    if (now - this.lastWarningAt < 60_000) return;
    this.lastWarningAt = now;
    this.options.warn(message);
  }
}
