import { useQueryClient, type InfiniteData, type QueryClient } from '@tanstack/react-query';
import type { AvailabilityChangedEvent, MarketplacePage } from '@aiparksit/shared';
import { useFacilitySubscription, useRealtimeEvent, useRealtimeResync } from '../../../lib/socket';
import { marketplaceUpdate } from './marketplace-cache';
import { marketplaceKeys, type MarketplaceSearch } from './search-marketplace';

/** Brings every cached search showing the facility up to date with a pushed change. */
export function applyMarketplaceChange(queryClient: QueryClient, event: AvailabilityChangedEvent): void {
  const searches = queryClient.getQueriesData<InfiniteData<MarketplacePage, unknown>>({ queryKey: [...marketplaceKeys.all, 'search'] });
  for (const [queryKey, cached] of searches) {
    const update = marketplaceUpdate(cached, queryKey[2] as MarketplaceSearch, event);
    if (update.kind === 'set') queryClient.setQueryData(queryKey, update.data);
    if (update.kind === 'refetch') void queryClient.invalidateQueries({ queryKey, exact: true });
  }
}

/** The results on screen follow their facilities' free spaces live. */
export function useLiveResults(facilityIds: readonly string[]): void {
  const queryClient = useQueryClient();
  useFacilitySubscription(facilityIds);
  useRealtimeEvent('availability_changed', ({ data }) => {
    if (facilityIds.includes(data.facilityId)) applyMarketplaceChange(queryClient, data);
  });
  useRealtimeResync(() => void queryClient.invalidateQueries({ queryKey: marketplaceKeys.all }));
}
