import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateFacilityRequest, ManagedFacility, OperatorFacilityList, SpaceCounts, UpdateFacilityRequest } from '@aiparksit/shared';
import { apiRequest } from '../../../lib/api-client';

export const managedFacilityKeys = {
  all: ['operator', 'facilities'] as const,
  list: ['operator', 'facilities', 'list'] as const,
  detail: (id: string) => ['operator', 'facilities', id] as const,
};

/** GET /api/operator/facilities: the caller's car parks with spaces and upcoming bookings. */
export function listManagedFacilities(signal?: AbortSignal): Promise<OperatorFacilityList> {
  return apiRequest('/api/operator/facilities', { signal });
}

/** GET /api/facilities/:id/manage: the operator's view of one car park (404 when not theirs). */
export function getManagedFacility(id: string, signal?: AbortSignal): Promise<ManagedFacility> {
  return apiRequest(`/api/facilities/${encodeURIComponent(id)}/manage`, { signal });
}

export function createFacility(body: CreateFacilityRequest): Promise<ManagedFacility> {
  return apiRequest('/api/facilities', { method: 'POST', body });
}

/** PATCH /api/facilities/:id: any subset of the fields, rates included (replaced as a whole). */
export function updateFacility({ id, changes }: { id: string; changes: UpdateFacilityRequest }): Promise<ManagedFacility> {
  return apiRequest(`/api/facilities/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes });
}

export function setPublished({ id, published }: { id: string; published: boolean }): Promise<ManagedFacility> {
  return apiRequest(`/api/facilities/${encodeURIComponent(id)}/${published ? 'publish' : 'unpublish'}`, { method: 'POST' });
}

export function addSpaces({ id, spaces }: { id: string; spaces: SpaceCounts }): Promise<unknown> {
  return apiRequest(`/api/facilities/${encodeURIComponent(id)}/spaces`, { method: 'POST', body: spaces });
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

/** A change to a car park; the lists and the dashboard (facilities, capacity) are refetched. */
export function useFacilityChange<TInput, TResult>(change: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: managedFacilityKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['operator', 'dashboard'] });
    },
  });
}
