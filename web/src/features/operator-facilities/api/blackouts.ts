import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BlackoutCreated, BlackoutList, CreateBlackoutRequest } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { managedFacilityKeys } from '../../../shared/managed-facilities';

export const blackoutKeys = { list: (facilityId: string) => ['operator', 'facilities', facilityId, 'blackouts'] as const };

export function listBlackouts(facilityId: string, signal?: AbortSignal): Promise<BlackoutList> {
  return unwrap(api.GET('/api/facilities/{id}/blackouts', { params: { path: { id: facilityId } }, signal }));
}

/** POST: the answer lists the live bookings inside the blackout (they are kept). */
export function createBlackout({ facilityId, blackout }: { facilityId: string; blackout: CreateBlackoutRequest }): Promise<BlackoutCreated> {
  return unwrap(api.POST('/api/facilities/{id}/blackouts', { params: { path: { id: facilityId } }, body: blackout }));
}

export function deleteBlackout({ facilityId, blackoutId }: { facilityId: string; blackoutId: string }): Promise<void> {
  return unwrap(api.DELETE('/api/facilities/{id}/blackouts/{blackoutId}', { params: { path: { id: facilityId, blackoutId } } }));
}

export function blackoutsOptions(facilityId: string) {
  return queryOptions({ queryKey: blackoutKeys.list(facilityId), queryFn: ({ signal }) => listBlackouts(facilityId, signal) });
}

export function useBlackouts(facilityId: string) {
  return useQuery(blackoutsOptions(facilityId));
}

/** A blackout added or removed: its list and the car park lists (blackout counts) are refetched. */
export function useBlackoutChange<TInput extends { facilityId: string }, TResult>(change: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (_result, { facilityId }) => {
      void queryClient.invalidateQueries({ queryKey: blackoutKeys.list(facilityId) });
      void queryClient.invalidateQueries({ queryKey: managedFacilityKeys.list });
    },
  });
}
