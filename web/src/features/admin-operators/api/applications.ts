import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperatorApplicationSummary, OperatorStatus, Page } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';

export interface ApplicationQuery {
  status: OperatorStatus;
  page: number;
  pageSize: number;
}

export const applicationKeys = {
  all: ['admin', 'operators'] as const,
  list: (query: ApplicationQuery) => ['admin', 'operators', 'list', query] as const,
};

/** GET /api/admin/operators: the queue, oldest submission first. */
export function listApplications(query: ApplicationQuery, signal?: AbortSignal): Promise<Page<OperatorApplicationSummary>> {
  return unwrap(api.GET('/api/admin/operators', { params: { query }, signal }));
}

export function applicationListOptions(query: ApplicationQuery) {
  return queryOptions({ queryKey: applicationKeys.list(query), queryFn: ({ signal }) => listApplications(query, signal), staleTime: 5_000 });
}

export function useApplications(query: ApplicationQuery) {
  return useQuery({ ...applicationListOptions(query), placeholderData: keepPreviousData });
}

export function approveApplication(id: string): Promise<OperatorApplicationSummary> {
  return unwrap(api.POST('/api/admin/operators/{id}/approve', { params: { path: { id } } }));
}

export function rejectApplication({ id, reason }: { id: string; reason: string }): Promise<OperatorApplicationSummary> {
  return unwrap(api.POST('/api/admin/operators/{id}/reject', { params: { path: { id } }, body: { reason } }));
}

/** A review decision; the queues of every status are refetched afterwards. */
export function useReview<TInput>(decide: (input: TInput) => Promise<OperatorApplicationSummary>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: decide, onSuccess: () => queryClient.invalidateQueries({ queryKey: applicationKeys.all }) });
}
