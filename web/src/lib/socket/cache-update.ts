import type { AvailabilityChangedEvent } from '@aiparksit/shared';

/** What a pushed event means for one cached answer. */
export type CacheUpdate<T> =
  /** The event does not concern this answer: leave it (and do not refetch it). */
  | { kind: 'unchanged' }
  /** The event says enough to compute the new answer: write it into the cache. */
  | { kind: 'set'; data: T }
  /** The answer may have changed in ways the event does not say: refetch it. */
  | { kind: 'refetch' };

export const UNCHANGED = { kind: 'unchanged' } as const;
export const REFETCH = { kind: 'refetch' } as const;

/**
 * Whether the bookings behind an event touch `[start, end)`. A change with no period (a space
 * or the facility's publication changed) touches every window.
 */
export function periodTouches(period: AvailabilityChangedEvent['period'], span: { start: string; end: string }): boolean {
  if (!period) return true;
  return Date.parse(period.start) < Date.parse(span.end) && Date.parse(span.start) < Date.parse(period.end);
}
