import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BlockingBooking, BulkSpaceChangeResult, ManagedSpaceList } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { ApiError } from '../../../lib/api-error';
import { managedFacilityKeys } from '../../../shared/managed-facilities';

export const spaceKeys = { list: (facilityId: string) => ['operator', 'facilities', facilityId, 'spaces'] as const };

/** GET /api/facilities/:id/spaces: every space, active or not, with its next live booking. */
export function listSpaces(facilityId: string, signal?: AbortSignal): Promise<ManagedSpaceList> {
  return unwrap(api.GET('/api/facilities/{id}/spaces', { params: { path: { id: facilityId } }, signal }));
}

/** POST /api/facilities/:id/spaces/deactivate or /activate: several spaces at once, all or none (409 names the bookings in the way). */
export function setSpacesActive({ facilityId, spaceIds, active }: { facilityId: string; spaceIds: string[]; active: boolean }): Promise<BulkSpaceChangeResult> {
  const request = { params: { path: { id: facilityId } }, body: { spaceIds } };
  return unwrap(active ? api.POST('/api/facilities/{id}/spaces/activate', request) : api.POST('/api/facilities/{id}/spaces/deactivate', request));
}

export function spacesOptions(facilityId: string) {
  return queryOptions({ queryKey: spaceKeys.list(facilityId), queryFn: ({ signal }) => listSpaces(facilityId, signal) });
}

export function useSpaces(facilityId: string) {
  return useQuery(spacesOptions(facilityId));
}

/** Spaces in or out of service in bulk; the facility's counts and the dashboard are refetched. */
export function useSetSpacesActive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setSpacesActive,
    onSuccess: (result, { facilityId }) => {
      queryClient.setQueryData(spaceKeys.list(facilityId), result.spaces);
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
