import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { FacilityForecast, SpaceType } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { facilityKeys } from '../../../shared/facilities';

/** Fitted nightly: the same window's forecast does not change within a quarter of an hour. */
const FORECAST_STALE_MS = 15 * 60_000;

/** A window and the space type forecast. */
export interface ForecastAsked {
  start: string;
  end: string;
  spaceType: SpaceType;
}

/** GET /api/facilities/:id/forecast?start&end&spaceType: the expected occupancy of the type over the window's local day. */
export function getFacilityForecast(id: string, asked: ForecastAsked, signal?: AbortSignal): Promise<FacilityForecast> {
  return unwrap(api.GET('/api/facilities/{id}/forecast', { params: { path: { id }, query: asked }, signal }));
}

export function facilityForecastOptions(id: string, asked: ForecastAsked) {
  return queryOptions({
    queryKey: facilityKeys.forecast(id, asked),
    queryFn: ({ signal }) => getFacilityForecast(id, asked, signal),
    staleTime: FORECAST_STALE_MS,
  });
}

/** As useAvailability: the previous window's (or type's) forecast stays while the next loads. */
export function useFacilityForecast(id: string, asked: ForecastAsked | null) {
  return useQuery({
    ...facilityForecastOptions(id, asked ?? { start: '', end: '', spaceType: 'standard' }),
    enabled: asked !== null,
    placeholderData: keepPreviousData,
  });
}
