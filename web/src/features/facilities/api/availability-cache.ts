import type { AvailabilityChangedEvent, FacilityAvailability, FacilityDetail } from '@aiparksit/shared';
import { REFETCH, UNCHANGED, periodTouches, type CacheUpdate } from '../../../lib/socket/cache-update';

/**
 * A facility's availability for a window: free spaces over the whole window and hour by hour
 * over its local day. An event's `availableNow` is a count for this instant only, which is not
 * what either shows, so the answer is refetched, but only when the bookings that changed fall
 * in the window or its day (a booking next week leaves today's page alone).
 */
export function availabilityUpdate(
  cached: FacilityAvailability | undefined,
  queryWindow: { start: string; end: string },
  event: AvailabilityChangedEvent,
): CacheUpdate<FacilityAvailability> {
  const shown = cached?.window ?? queryWindow;
  const spans = [shown];
  const timeline = cached?.timeline ?? [];
  if (timeline.length) {
    const last = timeline[timeline.length - 1]!;
    spans.push({ start: timeline[0]!.start, end: new Date(Date.parse(last.start) + 3_600_000).toISOString() });
  }
  return spans.some((span) => periodTouches(event.period, span)) ? REFETCH : UNCHANGED;
}

/**
 * The facility's own page lists its active spaces per type; an event carries the type's
 * capacity (for signed-in sockets), which is that count. A type the page did not list yet
 * (the facility gained a new kind of space) needs the whole facility again.
 */
export function facilityDetailUpdate(cached: FacilityDetail | undefined, event: AvailabilityChangedEvent): CacheUpdate<FacilityDetail> {
  if (!cached || event.capacity === null) return UNCHANGED;
  const entry = cached.spaces.find((space) => space.spaceType === event.spaceType);
  if (!entry) return event.capacity > 0 ? REFETCH : UNCHANGED;
  if (entry.count === null || entry.count === event.capacity) return UNCHANGED;
  // A type whose last space went away also leaves `spaceTypes`: that is the server's to say.
  if (event.capacity === 0) return REFETCH;
  return {
    kind: 'set',
    data: { ...cached, spaces: cached.spaces.map((space) => (space.spaceType === event.spaceType ? { ...space, count: event.capacity } : space)) },
  };
}
