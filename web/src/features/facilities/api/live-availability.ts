import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AvailabilityChangedEvent, FacilityAvailability, FacilityDetail } from '@aiparksit/shared';
import { useFacilitySubscription, useRealtimeEvent, useRealtimeResync } from '../../../lib/socket';
import type { CacheUpdate } from '../../../lib/socket/cache-update';
import { availabilityUpdate, facilityDetailUpdate } from './availability-cache';
import { facilityKeys } from '../../../shared/facilities';

function availabilityPrefix(facilityId: string) {
  return [...facilityKeys.detail(facilityId), 'availability'] as const;
}

function apply<T>(queryClient: QueryClient, queryKey: readonly unknown[], update: CacheUpdate<T>): void {
  if (update.kind === 'set') queryClient.setQueryData(queryKey, update.data);
  if (update.kind === 'refetch') void queryClient.invalidateQueries({ queryKey, exact: true });
}

/** Brings the cached answers about one facility up to date with a pushed change. */
export function applyAvailabilityChange(queryClient: QueryClient, event: AvailabilityChangedEvent): void {
  for (const [queryKey, cached] of queryClient.getQueriesData<FacilityAvailability>({ queryKey: availabilityPrefix(event.facilityId) })) {
    const window = queryKey[3] as { start: string; end: string };
    apply(queryClient, queryKey, availabilityUpdate(cached, window, event));
  }
  const detailKey = facilityKeys.detail(event.facilityId);
  apply(queryClient, detailKey, facilityDetailUpdate(queryClient.getQueryData<FacilityDetail>(detailKey), event));
}

/**
 * Free spaces change while a person looks: follows these facilities and keeps their cached
 * details and availability current from pushed `availability_changed` events, refetching
 * everything about them when events may have been missed (a reconnect or a server resync).
 */
export function useLiveAvailability(facilityIds: readonly string[]): void {
  const queryClient = useQueryClient();
  useFacilitySubscription(facilityIds);
  useRealtimeEvent('availability_changed', ({ data }) => {
    if (facilityIds.includes(data.facilityId)) applyAvailabilityChange(queryClient, data);
  });
  useRealtimeResync(() => {
    for (const id of facilityIds) void queryClient.invalidateQueries({ queryKey: availabilityPrefix(id) });
  });
}
