import type { AvailabilityLevel } from '@aiparksit/shared';

/**
 * The coarse level anonymous clients see instead of numbers: none, few (at most two spaces or a
 * tenth of capacity, whichever is more), or many.
 */
export function availabilityLevel(availableNow: number, capacity: number): AvailabilityLevel {
  if (availableNow <= 0) return 'none';
  if (availableNow <= Math.max(2, Math.ceil(capacity / 10))) return 'few';
  return 'many';
}
