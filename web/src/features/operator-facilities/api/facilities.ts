import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateFacilityRequest, ManagedFacility, SpaceCounts, UpdateFacilityRequest } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { managedFacilityKeys } from '../../../shared/managed-facilities';
import { dashboardKeys } from '../../../shared/operator-dashboard';

export function createFacility(body: CreateFacilityRequest): Promise<ManagedFacility> {
  return unwrap(api.POST('/api/facilities', { body }));
}

/** PATCH /api/facilities/:id: any subset of the fields, rates included (replaced as a whole). */
export function updateFacility({ id, changes }: { id: string; changes: UpdateFacilityRequest }): Promise<ManagedFacility> {
  return unwrap(api.PATCH('/api/facilities/{id}', { params: { path: { id } }, body: changes }));
}

export function setPublished({ id, published }: { id: string; published: boolean }): Promise<ManagedFacility> {
  const params = { path: { id } };
  return unwrap(published ? api.POST('/api/facilities/{id}/publish', { params }) : api.POST('/api/facilities/{id}/unpublish', { params }));
}

export function addSpaces({ id, spaces }: { id: string; spaces: SpaceCounts }): Promise<unknown> {
  return unwrap(api.POST('/api/facilities/{id}/spaces', { params: { path: { id } }, body: spaces }));
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
