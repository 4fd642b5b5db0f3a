import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { FacilityForecast } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { facilityKeys } from '../../../shared/facilities';

/** Fitted nightly: the same window's forecast does not change within a quarter of an hour. */
const FORECAST_STALE_MS = 15 * 60_000;

/** GET /api/facilities/:id/forecast?start&end: the expected occupancy of the window's local day. */
export function getFacilityForecast(id: string, window: { start: string; end: string }, signal?: AbortSignal): Promise<FacilityForecast> {
  return unwrap(api.GET('/api/facilities/{id}/forecast', { params: { path: { id }, query: window }, signal }));
}

export function facilityForecastOptions(id: string, window: { start: string; end: string }) {
  return queryOptions({
    queryKey: facilityKeys.forecast(id, window),
    queryFn: ({ signal }) => getFacilityForecast(id, window, signal),
    staleTime: FORECAST_STALE_MS,
  });
}

/** As useAvailability: the previous window's forecast stays while the next loads. */
export function useFacilityForecast(id: string, window: { start: string; end: string } | null) {
  return useQuery({
    ...facilityForecastOptions(id, window ?? { start: '', end: '' }),
    enabled: window !== null,
    placeholderData: keepPreviousData,
  });
}
