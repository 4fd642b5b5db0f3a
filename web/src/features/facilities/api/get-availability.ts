import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { FacilityAvailability } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { facilityKeys } from '../../../shared/facilities';

/** GET /api/facilities/:id/availability?start&end: free spaces per type and the day's timeline. */
export function getAvailability(id: string, window: { start: string; end: string }, signal?: AbortSignal): Promise<FacilityAvailability> {
  return unwrap(api.GET('/api/facilities/{id}/availability', { params: { path: { id }, query: window }, signal }));
}

export function availabilityOptions(id: string, window: { start: string; end: string }) {
  return queryOptions({
    queryKey: facilityKeys.availability(id, window),
    queryFn: ({ signal }) => getAvailability(id, window, signal),
    // No short staleTime: the page follows the facility live (useLiveAvailability) and refetches
    // exactly when a booking touches the window, or after the socket was down.
  });
}

/** Keeps the previous window's answer on screen while a new window loads, so the chart does not blink. */
export function useAvailability(id: string, window: { start: string; end: string } | null) {
  return useQuery({
    ...availabilityOptions(id, window ?? { start: '', end: '' }),
    enabled: window !== null,
    placeholderData: keepPreviousData,
  });
}
