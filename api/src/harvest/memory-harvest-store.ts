import {
  emptyBlockCounts,
  type BlockReason,
  type BlockVerdict,
  type HarvestStore,
  type HarvestStoreStats,
  type ReadRule,
  type ReadVerdict,
} from './harvest-store.js';

export interface MemoryHarvestStoreOptions {
  /** Most reads remembered over all clients; the least recently seen clients are forgotten first. */
  maxEntries: number;
  /** Most blocks remembered; the oldest is forgotten first. */
  maxBlockedClients: number;
}

interface Block {
  until: number;
  reason: BlockReason;
  since: number;
}

/**
 * Reads and blocks of one API instance, for when there is no Redis. A sliding window per client:
 * each distinct item with the time it was last read, oldest first (a Map keeps insertion order,
 * and a re-read moves the item to the end), so expired reads are dropped from the front.
 * No timers; memory is bounded by the total number of reads kept, not by the number of clients.
 */
export class MemoryHarvestStore implements HarvestStore {
  /** Per client, least recently seen client first. */
  private readonly reads = new Map<string, Map<string, number>>();
  private entries = 0;
  /** Per client, oldest block first. */
  private readonly blocks = new Map<string, Block>();
  private readonly blocksByReason = emptyBlockCounts();
  private lastBlockAt: number | null = null;

  constructor(private readonly options: MemoryHarvestStoreOptions) {
    for (const [name, value] of Object.entries(options)) {
      if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive whole number`);
    }
  }

  /** Reads remembered right now, over all clients. */
  get size(): number {
    return this.entries;
  }

  async recordReads(client: string, items: readonly string[], rule: ReadRule, now: number): Promise<ReadVerdict> {
    return this.recordReadsNow(client, items, rule, now);
  }

  async block(client: string, reason: BlockReason, blockMs: number, now: number): Promise<BlockVerdict> {
    return this.blockNow(client, reason, blockMs, now);
  }

  async stats(now: number): Promise<HarvestStoreStats> {
    return this.statsNow(now);
  }

  async lift(client: string, now: number, startedBefore = Infinity): Promise<boolean> {
    return this.liftNow(client, now, startedBefore);
  }

  liftNow(client: string, now: number, startedBefore = Infinity): boolean {
    const running = this.activeBlock(client, now);
    if (running && running.since >= startedBefore) return false;
    this.blocks.delete(client);
    this.forgetReads(client);
    return running !== undefined;
  }

  /** The synchronous core of `recordReads`, also used by the Redis store while Redis is away. */
  recordReadsNow(client: string, reads: readonly string[], rule: ReadRule, now: number): ReadVerdict {
    const running = this.activeBlock(client, now);
    if (running) return { blocked: true, reason: running.reason, blockLeftMs: running.until - now, started: false };

    const items = this.reads.get(client) ?? new Map<string, number>();
    this.reads.delete(client);
    this.reads.set(client, items);
    for (const [readItem, readAt] of items) {
      if (now - readAt < rule.windowMs) break;
      items.delete(readItem);
      this.entries -= 1;
    }
    for (const item of reads) {
      if (items.delete(item)) this.entries -= 1;
      items.set(item, now);
      this.entries += 1;
    }

    if (items.size > rule.limit) {
      const { started, blockLeftMs } = this.blockNow(client, 'threshold', rule.blockMs, now);
      return { blocked: true, reason: 'threshold', blockLeftMs, started };
    }
    this.forgetLeastRecentClients(client);
    return { blocked: false, distinct: items.size };
  }

  blockNow(client: string, reason: BlockReason, blockMs: number, now: number): BlockVerdict {
    const running = this.activeBlock(client, now);
    if (running) return { reason: running.reason, blockLeftMs: running.until - now, started: false };
    // After the block, the client starts with an empty window.
    this.forgetReads(client);
    this.blocks.set(client, { until: now + blockMs, reason, since: now });
    while (this.blocks.size > this.options.maxBlockedClients) this.blocks.delete(this.blocks.keys().next().value!);
    this.blocksByReason[reason] += 1;
    this.lastBlockAt = now;
    return { reason, blockLeftMs: blockMs, started: true };
  }

  statsNow(now: number): HarvestStoreStats {
    let clientsBlocked = 0;
    for (const [client, block] of this.blocks) {
      if (block.until > now) clientsBlocked += 1;
      else this.blocks.delete(client);
    }
    return {
      blocksByReason: { ...this.blocksByReason },
      clientsBlocked,
      lastBlockAt: this.lastBlockAt === null ? null : new Date(this.lastBlockAt),
    };
  }

  private activeBlock(client: string, now: number): Block | undefined {
    const block = this.blocks.get(client);
    if (!block) return undefined;
    if (block.until > now) return block;
    this.blocks.delete(client);
    return undefined;
  }

  private forgetReads(client: string): void {
    const items = this.reads.get(client);
    if (!items) return;
    this.entries -= items.size;
    this.reads.delete(client);
  }

  /** Drops whole clients, least recently seen first, until the reads fit; never the one reading. */
  private forgetLeastRecentClients(reading: string): void {
    while (this.entries > this.options.maxEntries) {
      const oldest = this.reads.keys().next().value!;
      if (oldest === reading) return;
      this.forgetReads(oldest);
    }
  }
}
