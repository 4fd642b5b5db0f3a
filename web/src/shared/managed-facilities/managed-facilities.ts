import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ManagedFacility, OperatorFacilityList } from '@aiparksit/shared';
import { api, unwrap } from '../../lib/api-client';

/** The operator's own car parks, read by the facility pages, the bookings filter and the analytics filter. */
export const managedFacilityKeys = {
  all: ['operator', 'facilities'] as const,
  list: ['operator', 'facilities', 'list'] as const,
  detail: (id: string) => ['operator', 'facilities', id] as const,
};

/** GET /api/operator/facilities: the caller's car parks with spaces and upcoming bookings. */
export function listManagedFacilities(signal?: AbortSignal): Promise<OperatorFacilityList> {
  return unwrap(api.GET('/api/operator/facilities', { signal }));
}

/** GET /api/facilities/:id/manage: the operator's view of one car park (404 when not theirs). */
export function getManagedFacility(id: string, signal?: AbortSignal): Promise<ManagedFacility> {
  return unwrap(api.GET('/api/facilities/{id}/manage', { params: { path: { id } }, signal }));
}

export function managedFacilitiesOptions() {
  return queryOptions({ queryKey: managedFacilityKeys.list, queryFn: ({ signal }) => listManagedFacilities(signal) });
}

export function managedFacilityOptions(id: string) {
  return queryOptions({ queryKey: managedFacilityKeys.detail(id), queryFn: ({ signal }) => getManagedFacility(id, signal) });
}

export function useManagedFacilities() {
  return useQuery(managedFacilitiesOptions());
}

export function useManagedFacility(id: string) {
  return useQuery(managedFacilityOptions(id));
}
