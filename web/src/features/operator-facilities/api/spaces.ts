import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BlockingBooking, ManagedSpaceList } from '@aiparksit/shared';
import { apiRequest } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import { managedFacilityKeys } from '../../../shared/managed-facilities';

export const spaceKeys = { list: (facilityId: string) => ['operator', 'facilities', facilityId, 'spaces'] as const };

/** GET /api/facilities/:id/spaces: every space, active or not, with its next live booking. */
export function listSpaces(facilityId: string, signal?: AbortSignal): Promise<ManagedSpaceList> {
  return apiRequest(`/api/facilities/${encodeURIComponent(facilityId)}/spaces`, { signal });
}

export function setSpaceActive({ facilityId, spaceId, active }: { facilityId: string; spaceId: string; active: boolean }): Promise<ManagedSpaceList> {
  return apiRequest(`/api/facilities/${encodeURIComponent(facilityId)}/spaces/${encodeURIComponent(spaceId)}/${active ? 'activate' : 'deactivate'}`, {
    method: 'POST',
  });
}

export function spacesOptions(facilityId: string) {
  return queryOptions({ queryKey: spaceKeys.list(facilityId), queryFn: ({ signal }) => listSpaces(facilityId, signal) });
}

export function useSpaces(facilityId: string) {
  return useQuery(spacesOptions(facilityId));
}

/** Activating or deactivating a space changes the facility's counts too: both are refetched. */
export function useSetSpaceActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setSpaceActive,
    onSuccess: (spaces, { facilityId }) => {
      queryClient.setQueryData(spaceKeys.list(facilityId), spaces);
      void queryClient.invalidateQueries({ queryKey: managedFacilityKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['operator', 'dashboard'] });
    },
  });
}

/** The bookings the API names when it refuses to deactivate a space (409 space_has_future_bookings). */
export function blockingBookingsOf(error: unknown): BlockingBooking[] {
  if (!(error instanceof ApiError) || error.status !== 409) return [];
  const details = error.envelope?.details;
  if (!details || Array.isArray(details) || !Array.isArray((details as { bookings?: unknown }).bookings)) return [];
  return (details as { bookings: BlockingBooking[] }).bookings;
}
