/** Why a client was blocked: too many distinct reads in the window, or it asked for a canary. */
export type BlockReason = 'threshold' | 'canary';
export const BLOCK_REASONS: readonly BlockReason[] = ['threshold', 'canary'];

/** The threshold one client class reads under. */
export interface ReadRule {
  windowMs: number;
  /** Distinct reads allowed in the window; the one after is refused and blocks the client. */
  limit: number;
  blockMs: number;
}

export type ReadVerdict =
  | { blocked: false; distinct: number }
  | {
      blocked: true;
      reason: BlockReason;
      /** Milliseconds until the block ends: the Retry-After. */
      blockLeftMs: number;
      /** True when this very call started the block (log and count it once). */
      started: boolean;
    };

export interface BlockVerdict {
  reason: BlockReason;
  blockLeftMs: number;
  /** False when the client was blocked already; the running block is kept as it is. */
  started: boolean;
}

/** Blocks of all clients so far, for the admin system page. */
export interface HarvestStoreStats {
  blocksByReason: Record<BlockReason, number>;
  clientsBlocked: number;
  lastBlockAt: Date | null;
}

/**
 * Where per-client reads and blocks are kept: this process's memory, or Redis shared by every
 * instance. `now` comes from the caller so windows are measured on one clock.
 */
export interface HarvestStore {
  /**
   * Counts reads of `items` (one already read within the window: not again), or reports a
   * running block without counting.
   */
  recordReads(client: string, items: readonly string[], rule: ReadRule, now: number): Promise<ReadVerdict>;
  /** Blocks the client at once, unless it is blocked already. */
  block(client: string, reason: BlockReason, blockMs: number, now: number): Promise<BlockVerdict>;
  stats(now: number): Promise<HarvestStoreStats>;
  /**
   * Ends the client's block and forgets its reads (an admin's "lift"); with `startedBefore`, only
   * a block that started before that instant. True when a running block was ended.
   */
  lift(client: string, now: number, startedBefore?: number): Promise<boolean>;
}

export function emptyBlockCounts(): Record<BlockReason, number> {
  return { threshold: 0, canary: 0 };
}
