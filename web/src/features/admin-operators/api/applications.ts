import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OperatorApplicationSummary, OperatorStatus, Page } from '@aiparksit/shared';
import { apiRequest } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-string';

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
  return apiRequest(`/api/admin/operators${toQueryString(query)}`, { signal });
}

export function applicationListOptions(query: ApplicationQuery) {
  return queryOptions({ queryKey: applicationKeys.list(query), queryFn: ({ signal }) => listApplications(query, signal), staleTime: 5_000 });
}

export function useApplications(query: ApplicationQuery) {
  return useQuery({ ...applicationListOptions(query), placeholderData: keepPreviousData });
}

export function approveApplication(id: string): Promise<OperatorApplicationSummary> {
  return apiRequest(`/api/admin/operators/${encodeURIComponent(id)}/approve`, { method: 'POST' });
}

export function rejectApplication({ id, reason }: { id: string; reason: string }): Promise<OperatorApplicationSummary> {
  return apiRequest(`/api/admin/operators/${encodeURIComponent(id)}/reject`, { method: 'POST', body: { reason } });
}

/** A review decision; the queues of every status are refetched afterwards. */
export function useReview<TInput>(decide: (input: TInput) => Promise<OperatorApplicationSummary>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: decide, onSuccess: () => queryClient.invalidateQueries({ queryKey: applicationKeys.all }) });
}
