import type { InfiniteData } from '@tanstack/react-query';
import type { AvailabilityChangedEvent, MarketplacePage } from '@aiparksit/shared';
import { REFETCH, UNCHANGED, periodTouches, type CacheUpdate } from '../../../lib/socket/cache-update';
import type { MarketplaceSearch } from './search-marketplace';

/**
 * One cached search after an `availability_changed`. Results show free spaces of the searched
 * type for the searched window, or for now when there is no window: only the latter is what the
 * event counts, so only then are the numbers written in place. A window the changed bookings
 * miss is left alone; anything else (a window they touch, a change of spaces or publication that
 * may add or drop results, a list ordered by free spaces) is refetched.
 */
export function marketplaceUpdate(
  cached: InfiniteData<MarketplacePage, unknown> | undefined,
  search: MarketplaceSearch,
  event: AvailabilityChangedEvent,
): CacheUpdate<InfiniteData<MarketplacePage, unknown>> {
  if (!cached) return UNCHANGED;
  if ((search.spaceType ?? 'standard') !== event.spaceType) return UNCHANGED;
  const shown = cached.pages.some((page) => page.results.some((result) => result.facility.id === event.facilityId));
  if (!shown) return UNCHANGED;

  if (search.start && search.end) return periodTouches(event.period, { start: search.start, end: search.end }) ? REFETCH : UNCHANGED;
  if (event.period === null || search.sort === 'availability') return REFETCH;

  const pages = cached.pages.map((page) => {
    const exact = page.fidelity === 'full';
    // An exact list cannot take a level-only event without losing its numbers.
    if (exact && event.availableNow === null) return null;
    return {
      ...page,
      results: page.results.map((result) =>
        result.facility.id === event.facilityId
          ? {
              ...result,
              availability: {
                spaceType: event.spaceType,
                level: event.level,
                available: exact ? event.availableNow : null,
                capacity: exact ? event.capacity : null,
              },
            }
          : result,
      ),
    };
  });
  if (pages.some((page) => page === null)) return REFETCH;
  return { kind: 'set', data: { ...cached, pages: pages as MarketplacePage[] } };
}
