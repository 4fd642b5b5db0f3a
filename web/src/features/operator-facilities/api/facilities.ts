import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateFacilityRequest, ManagedFacility, SpaceCounts, UpdateFacilityRequest } from '@aiparksit/shared';
import { apiRequest } from '../../../lib/api-client';
import { managedFacilityKeys } from '../../../shared/managed-facilities';
import { dashboardKeys } from '../../../shared/operator-dashboard';

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

/** A change to a car park; the lists and the dashboard (facilities, capacity) are refetched. */
export function useFacilityChange<TInput, TResult>(change: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: managedFacilityKeys.all });
      void queryClient.invalidateQueries({ queryKey: dashboardKeys.summary });
    },
  });
}
