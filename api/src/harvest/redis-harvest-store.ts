import type { Redis } from 'ioredis';
import { FailSafeRedis } from '../redis/index.js';
import type { MemoryHarvestStore } from './memory-harvest-store.js';
import {
  BLOCK_REASONS,
  emptyBlockCounts,
  type BlockReason,
  type BlockVerdict,
  type HarvestStore,
  type HarvestStoreStats,
  type ReadRule,
  type ReadVerdict,
} from './harvest-store.js';

/**
 * Starts a block unless one is running; shared by both scripts. Counts it in the stats hash and
 * in the sorted set of blocked clients (scored by the end of the block).
 * KEYS: 1 reads (ZSET item → last read ms), 2 block marker (value = reason), 3 stats (HASH),
 * 4 blocked clients (ZSET client → block end ms).
 */
const START_BLOCK = `
local function startBlock(client, reason, blockMs, now)
  redis.call('SET', KEYS[2], reason, 'PX', blockMs)
  redis.call('DEL', KEYS[1])
  redis.call('HINCRBY', KEYS[3], reason, 1)
  redis.call('HSET', KEYS[3], 'lastBlockAt', now)
  redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
  redis.call('ZADD', KEYS[4], now + blockMs, client)
end
`;

/**
 * Reads, atomically: a running block answers at once; otherwise drop reads older than the
 * window, add (or refresh) these, and block when the distinct count passes the limit.
 * ARGV: now ms, window ms, limit, block ms, client, items...
 * Returns { distinct (-1 when blocked), block ms left (0 = not blocked), reason, started (0/1) }.
 */
export const HARVEST_READ_SCRIPT = `${START_BLOCK}
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local blockMs = tonumber(ARGV[4])
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  return { -1, blockLeft, redis.call('GET', KEYS[2]), 0 }
end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
for i = 6, #ARGV do
  redis.call('ZADD', KEYS[1], now, ARGV[i])
end
local distinct = redis.call('ZCARD', KEYS[1])
if distinct > limit then
  startBlock(ARGV[5], 'threshold', blockMs, now)
  return { -1, blockMs, 'threshold', 1 }
end
redis.call('PEXPIRE', KEYS[1], window)
return { distinct, 0, '', 0 }
`;

/** ARGV: now ms, block ms, reason, client. Returns { block ms left, reason, started (0/1) }. */
export const HARVEST_BLOCK_SCRIPT = `${START_BLOCK}
local now = tonumber(ARGV[1])
local blockMs = tonumber(ARGV[2])
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  return { blockLeft, redis.call('GET', KEYS[2]), 0 }
end
startBlock(ARGV[4], ARGV[3], blockMs, now)
return { blockMs, ARGV[3], 1 }
`;

type ReadReply = [distinct: number, blockLeftMs: number, reason: string, started: number];
type BlockReply = [blockLeftMs: number, reason: string, started: number];

interface RedisWithHarvest extends Redis {
  harvestRead(
    reads: string,
    block: string,
    stats: string,
    blocked: string,
    now: number,
    windowMs: number,
    limit: number,
    blockMs: number,
    client: string,
    ...items: string[]
  ): Promise<ReadReply>;
  harvestBlock(
    reads: string,
    block: string,
    stats: string,
    blocked: string,
    now: number,
    blockMs: number,
    reason: BlockReason,
    client: string,
  ): Promise<BlockReply>;
}

export interface RedisHarvestStoreOptions {
  url: string;
  /** Counts reads while Redis does not answer, so the guard still holds per instance. */
  fallback: MemoryHarvestStore;
  /** Told when Redis fails, at most once a minute. */
  warn: (message: string) => void;
  keyPrefix?: string;
}

function asReason(value: string): BlockReason {
  return (BLOCK_REASONS as readonly string[]).includes(value) ? (value as BlockReason) : 'threshold';
}

/**
 * Reads and blocks shared by every API instance: a sorted set of distinct reads per client
 * (score = last read), so the window slides, and a block marker that expires by itself. When
 * Redis is unreachable the in-memory store answers instead (fail safe, not fail open), as the
 * rate limiter does. All keys sit under one prefix; the scripts touch a client's keys and the
 * shared stats keys together, which suits a single Redis (not a cluster).
 */
export class RedisHarvestStore implements HarvestStore {
  private readonly connection: FailSafeRedis;
  private readonly redis: RedisWithHarvest;
  private readonly prefix: string;

  constructor(private readonly options: RedisHarvestStoreOptions) {
    this.prefix = options.keyPrefix ?? 'aiparksit:harvest:';
    this.connection = new FailSafeRedis(options.url, 'the harvest guard', options.warn);
    this.connection.client.defineCommand('harvestRead', { numberOfKeys: 4, lua: HARVEST_READ_SCRIPT });
    this.connection.client.defineCommand('harvestBlock', { numberOfKeys: 4, lua: HARVEST_BLOCK_SCRIPT });
    this.redis = this.connection.client as RedisWithHarvest;
  }

  async recordReads(client: string, items: readonly string[], rule: ReadRule, now: number): Promise<ReadVerdict> {
    if (!this.connection.ready()) return this.options.fallback.recordReadsNow(client, items, rule, now);
    try {
      const [distinct, blockLeftMs, reason, started] = await this.redis.harvestRead(
        ...this.keysOf(client),
        now,
        rule.windowMs,
        rule.limit,
        rule.blockMs,
        client,
        ...items,
      );
      if (blockLeftMs > 0) return { blocked: true, reason: asReason(reason), blockLeftMs, started: started === 1 };
      return { blocked: false, distinct };
    } catch (error) {
      this.connection.failed(error);
      return this.options.fallback.recordReadsNow(client, items, rule, now);
    }
  }

  async block(client: string, reason: BlockReason, blockMs: number, now: number): Promise<BlockVerdict> {
    if (!this.connection.ready()) return this.options.fallback.blockNow(client, reason, blockMs, now);
    try {
      const [blockLeftMs, runningReason, started] = await this.redis.harvestBlock(...this.keysOf(client), now, blockMs, reason, client);
      return { reason: asReason(runningReason), blockLeftMs, started: started === 1 };
    } catch (error) {
      this.connection.failed(error);
      return this.options.fallback.blockNow(client, reason, blockMs, now);
    }
  }

  async stats(now: number): Promise<HarvestStoreStats> {
    if (!this.connection.ready()) return this.options.fallback.statsNow(now);
    try {
      const [counts, clientsBlocked] = await Promise.all([this.redis.hgetall(this.statsKey), this.redis.zcount(this.blockedKey, `(${now}`, '+inf')]);
      const blocksByReason = emptyBlockCounts();
      for (const reason of BLOCK_REASONS) blocksByReason[reason] = Number(counts[reason] ?? 0);
      const lastBlockAt = counts['lastBlockAt'] ? new Date(Number(counts['lastBlockAt'])) : null;
      return { blocksByReason, clientsBlocked, lastBlockAt };
    } catch (error) {
      this.connection.failed(error);
      return this.options.fallback.statsNow(now);
    }
  }

  /**
   * Deletes the client's block marker and reads, which every instance shares; the memory
   * fallback's too. `startedBefore` is for per-instance stores: here a lift is already everywhere.
   */
  async lift(client: string, now: number, startedBefore?: number): Promise<boolean> {
    const local = this.options.fallback.liftNow(client, now, startedBefore);
    if (startedBefore !== undefined) return local;
    if (!this.connection.ready()) return local;
    try {
      const [reads, block, , blocked] = this.keysOf(client);
      const results = await this.redis.multi().del(block).del(reads).zrem(blocked, client).exec();
      return Number(results?.[0]?.[1] ?? 0) > 0 || local;
    } catch (error) {
      this.connection.failed(error);
      return local;
    }
  }

  /** Resolves true once connected, false after the timeout (the memory store answers until then). */
  waitUntilReady(timeoutMs: number): Promise<boolean> {
    return this.connection.waitUntilReady(timeoutMs);
  }

  close(): Promise<void> {
    return this.connection.close();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  private get statsKey(): string {
    return `${this.prefix}stats`;
  }

  private get blockedKey(): string {
    return `${this.prefix}blocked`;
  }

  private keysOf(client: string): [string, string, string, string] {
    return [`${this.prefix}reads:${client}`, `${this.prefix}block:${client}`, this.statsKey, this.blockedKey];
  }
}
