import type { Redis } from 'ioredis';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { FailSafeRedis } from '../redis/index.js';
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
  private readonly connection: FailSafeRedis;
  private readonly redis: RedisWithThrottle;
  private readonly prefix: string;

  constructor(private readonly options: RedisThrottlerStorageOptions) {
    this.prefix = options.keyPrefix ?? 'aiparksit:throttle:';
    this.connection = new FailSafeRedis(options.url, 'rate limits', options.warn);
    this.connection.client.defineCommand('throttleHit', { numberOfKeys: 2, lua: THROTTLE_HIT_SCRIPT });
    this.redis = this.connection.client as RedisWithThrottle;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, _throttlerName?: string): Promise<ThrottlerStorageRecord> {
    // The braces are a Redis Cluster hash tag: a counter and its block marker share a slot.
    const counterKey = `${this.prefix}{${key}}`;
    if (!this.connection.ready()) return this.options.fallback.hit(key, ttl, limit, blockDuration);
    try {
      const [hits, windowLeftMs, blockLeftMs] = await this.redis.throttleHit(counterKey, `${counterKey}:block`, ttl, limit, blockDuration);
      return windowRecord({ hits, windowLeftMs, blockLeftMs });
    } catch (error) {
      this.connection.failed(error);
      return this.options.fallback.hit(key, ttl, limit, blockDuration);
    }
  }

  /**
   * Resolves true once connected, false after the timeout (hits are counted in memory until then).
   * Awaited at start-up so the first requests of an instance are counted in the shared budget.
   */
  waitUntilReady(timeoutMs: number): Promise<boolean> {
    return this.connection.waitUntilReady(timeoutMs);
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
