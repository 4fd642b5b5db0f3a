import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OperatorFacilityForecast, SpaceType } from '@aiparksit/shared';
import { api, unwrap } from '../../lib/api-client';

/** Forecasts are fitted nightly: a quarter of an hour between reads is still today's model. */
const FORECAST_STALE_MS = 15 * 60_000;

export const operatorForecastKeys = {
  all: ['operator', 'forecast'] as const,
  facility: (facilityId: string, spaceType: SpaceType | null) => ['operator', 'forecast', facilityId, spaceType ?? 'all'] as const,
};

/**
 * GET /api/operator/facilities/:id/forecast?spaceType: 14 local days hour by hour with a band, and
 * per day, of one space type or (null) of the whole car park.
 */
export function getOperatorForecast(facilityId: string, spaceType: SpaceType | null, signal?: AbortSignal): Promise<OperatorFacilityForecast> {
  const query = spaceType ? { spaceType } : {};
  return unwrap(api.GET('/api/operator/facilities/{id}/forecast', { params: { path: { id: facilityId }, query }, signal }));
}

export function operatorForecastOptions(facilityId: string, spaceType: SpaceType | null) {
  return queryOptions({
    queryKey: operatorForecastKeys.facility(facilityId, spaceType),
    queryFn: ({ signal }) => getOperatorForecast(facilityId, spaceType, signal),
    staleTime: FORECAST_STALE_MS,
  });
}

/** The forecast of one of the operator's car parks, of one space type or all (`null`); idle while no car park is chosen (`null`). */
export function useOperatorForecast(facilityId: string | null, spaceType: SpaceType | null = null) {
  return useQuery({ ...operatorForecastOptions(facilityId ?? '', spaceType), enabled: facilityId !== null && facilityId !== '' });
}
