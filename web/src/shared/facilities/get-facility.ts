import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FacilityDetail, SpaceType } from '@aiparksit/shared';
import { api, unwrap } from '../../lib/api-client';

/** GET /api/facilities/:id: amenities, rates, spaces per type, opening hours. */
export function getFacility(id: string, signal?: AbortSignal): Promise<FacilityDetail> {
  return unwrap(api.GET('/api/facilities/{id}', { params: { path: { id } }, signal }));
}

export const facilityKeys = {
  all: ['facilities'] as const,
  detail: (id: string) => ['facilities', id] as const,
  availability: (id: string, window: { start: string; end: string }) => ['facilities', id, 'availability', window] as const,
  alternatives: (id: string, wanted: { start: string; end: string; spaceType: SpaceType }) => ['facilities', id, 'alternatives', wanted] as const,
  forecast: (id: string, asked: { start: string; end: string; spaceType: string }) => ['facilities', id, 'forecast', asked] as const,
};

export function facilityOptions(id: string) {
  return queryOptions({ queryKey: facilityKeys.detail(id), queryFn: ({ signal }) => getFacility(id, signal) });
}

export function useFacility(id: string) {
  return useQuery(facilityOptions(id));
}
