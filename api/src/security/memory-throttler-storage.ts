import type { ThrottlerStorage } from '@nestjs/throttler';
import { windowRecord, type ThrottlerStorageRecord } from './throttler-record.js';

/** One tracked key; also a link in the recency list (most recently seen at the head). */
interface Counter {
  key: string;
  hits: number;
  windowEndsAt: number;
  /** 0 when not blocked. */
  blockedUntil: number;
  newer: Counter | undefined;
  older: Counter | undefined;
}

export interface MemoryThrottlerStorageOptions {
  /** Most keys tracked at once; the least recently seen is forgotten first. */
  maxKeys: number;
  now?: () => number;
}

/**
 * Rate-limit counters of one API instance, for when there is no Redis. Fixed windows, no timers:
 * a counter whose window has passed is reset when its key is next seen, and the number of keys is
 * capped, evicting the least recently used. Recency is a linked list, so a hit and an eviction are
 * O(1) (evicting from the front of a Map instead walks over the holes its deletions leave).
 * So memory stays bounded however many distinct clients arrive — the stock storage keeps one
 * timestamp per hit and grows with the number of clients until its sweep.
 */
export class MemoryThrottlerStorage implements ThrottlerStorage {
  private readonly counters = new Map<string, Counter>();
  private newest: Counter | undefined;
  private oldest: Counter | undefined;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(options: MemoryThrottlerStorageOptions) {
    if (!Number.isInteger(options.maxKeys) || options.maxKeys < 1) throw new RangeError('maxKeys must be a positive whole number');
    this.maxKeys = options.maxKeys;
    this.now = options.now ?? Date.now;
  }

  /** Keys tracked right now (expired ones included until they are seen again or evicted). */
  get size(): number {
    return this.counters.size;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, _throttlerName?: string): Promise<ThrottlerStorageRecord> {
    return this.hit(key, ttl, limit, blockDuration);
  }

  /** The synchronous core of `increment`, also used by the Redis storage when Redis is away. */
  hit(key: string, ttl: number, limit: number, blockDuration: number): ThrottlerStorageRecord {
    const now = this.now();
    let counter = this.counters.get(key);
    if (counter) {
      this.unlink(counter);
      if (counter.blockedUntil <= now && counter.windowEndsAt <= now) {
        counter.hits = 0;
        counter.windowEndsAt = now + ttl;
        counter.blockedUntil = 0;
      }
    } else {
      this.evictToMakeRoom();
      counter = { key, hits: 0, windowEndsAt: now + ttl, blockedUntil: 0, newer: undefined, older: undefined };
      this.counters.set(key, counter);
    }
    this.linkAsNewest(counter);

    if (counter.blockedUntil > now) {
      return windowRecord({ hits: counter.hits, windowLeftMs: counter.windowEndsAt - now, blockLeftMs: counter.blockedUntil - now });
    }
    if (counter.blockedUntil !== 0) {
      // The block has just ended: a fresh window starts with this hit.
      counter.hits = 0;
      counter.windowEndsAt = now + ttl;
      counter.blockedUntil = 0;
    }
    counter.hits += 1;
    if (counter.hits > limit) {
      if (blockDuration > 0) {
        counter.blockedUntil = now + blockDuration;
        return windowRecord({ hits: counter.hits, windowLeftMs: counter.windowEndsAt - now, blockLeftMs: blockDuration });
      }
      return windowRecord({ hits: counter.hits, windowLeftMs: counter.windowEndsAt - now, blockLeftMs: counter.windowEndsAt - now });
    }
    return windowRecord({ hits: counter.hits, windowLeftMs: counter.windowEndsAt - now, blockLeftMs: 0 });
  }

  private evictToMakeRoom(): void {
    while (this.counters.size >= this.maxKeys && this.oldest) {
      const evicted = this.oldest;
      this.unlink(evicted);
      this.counters.delete(evicted.key);
    }
  }

  private unlink(counter: Counter): void {
    if (counter.newer) counter.newer.older = counter.older;
    else this.newest = counter.older;
    if (counter.older) counter.older.newer = counter.newer;
    else this.oldest = counter.newer;
    counter.newer = undefined;
    counter.older = undefined;
  }

  private linkAsNewest(counter: Counter): void {
    counter.older = this.newest;
    counter.newer = undefined;
    if (this.newest) this.newest.newer = counter;
    this.newest = counter;
    if (!this.oldest) this.oldest = counter;
  }

  clear(): void {
    this.counters.clear();
    this.newest = undefined;
    this.oldest = undefined;
  }
}
