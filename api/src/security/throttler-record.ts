/** What a storage answers for one hit; the same shape as @nestjs/throttler's (times in whole seconds). */
export interface ThrottlerStorageRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * Milliseconds to the throttler's record. Seconds are rounded up and never 0 while blocked: they
 * become `Retry-After`, and "retry after 0 seconds" would invite an immediate retry.
 */
export function windowRecord({ hits, windowLeftMs, blockLeftMs }: { hits: number; windowLeftMs: number; blockLeftMs: number }): ThrottlerStorageRecord {
  const isBlocked = blockLeftMs > 0;
  return {
    totalHits: hits,
    timeToExpire: Math.max(0, Math.ceil(windowLeftMs / 1000)),
    isBlocked,
    timeToBlockExpire: isBlocked ? Math.max(1, Math.ceil(blockLeftMs / 1000)) : 0,
  };
}
