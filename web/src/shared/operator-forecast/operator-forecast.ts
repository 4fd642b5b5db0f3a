import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OperatorFacilityForecast } from '@aiparksit/shared';
import { api, unwrap } from '../../lib/api-client';

/** Forecasts are fitted nightly: a quarter of an hour between reads is still today's model. */
const FORECAST_STALE_MS = 15 * 60_000;

export const operatorForecastKeys = {
  all: ['operator', 'forecast'] as const,
  facility: (facilityId: string) => ['operator', 'forecast', facilityId] as const,
};

/** GET /api/operator/facilities/:id/forecast: 14 local days hour by hour with a band, and per day. */
export function getOperatorForecast(facilityId: string, signal?: AbortSignal): Promise<OperatorFacilityForecast> {
  return unwrap(api.GET('/api/operator/facilities/{id}/forecast', { params: { path: { id: facilityId } }, signal }));
}

export function operatorForecastOptions(facilityId: string) {
  return queryOptions({
    queryKey: operatorForecastKeys.facility(facilityId),
    queryFn: ({ signal }) => getOperatorForecast(facilityId, signal),
    staleTime: FORECAST_STALE_MS,
  });
}

/** The forecast of one of the operator's car parks; idle while none is chosen (`null`). */
export function useOperatorForecast(facilityId: string | null) {
  return useQuery({ ...operatorForecastOptions(facilityId ?? ''), enabled: facilityId !== null && facilityId !== '' });
}
