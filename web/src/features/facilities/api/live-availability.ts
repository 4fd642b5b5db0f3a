import { useQueryClient } from '@tanstack/react-query';
import { useFacilitySubscription, useRealtimeEvent } from '../../../lib/socket';
import { facilityKeys } from './get-facility';

/**
 * Free spaces change while a person looks: on a pushed `availability_changed` for one of these
 * facilities (or one that names no facility), refetch their availability.
 */
export function useLiveAvailability(facilityIds: readonly string[]): void {
  const queryClient = useQueryClient();
  useFacilitySubscription(facilityIds);
  useRealtimeEvent<{ facilityId?: string }>('availability_changed', (envelope) => {
    const changed = envelope.data?.facilityId;
    for (const id of facilityIds) {
      if (!changed || changed === id) void queryClient.invalidateQueries({ queryKey: [...facilityKeys.detail(id), 'availability'] });
    }
  });
}
