import { useQueryClient } from '@tanstack/react-query';
import { useFacilitySubscription, useRealtimeEvent } from '../../../lib/socket';
import { marketplaceKeys } from './search-marketplace';

/** Results on screen refetch when a pushed `availability_changed` concerns one of them. */
export function useLiveResults(facilityIds: readonly string[]): void {
  const queryClient = useQueryClient();
  useFacilitySubscription(facilityIds);
  useRealtimeEvent<{ facilityId?: string }>('availability_changed', (envelope) => {
    const changed = envelope.data?.facilityId;
    if (!changed || facilityIds.includes(changed)) void queryClient.invalidateQueries({ queryKey: marketplaceKeys.all });
  });
}
