import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { OperatorBookingPage, OperatorBookingQuery } from '@aiparksit/shared';
import { apiDownload, apiRequest } from '../../../lib/api-client';
import { saveFile } from '../../../lib/http';
import { toQueryString } from '../../../lib/query-string';
import { withDashboardRefresh } from '../../../lib/socket';

export const operatorBookingKeys = {
  all: ['operator', 'bookings'] as const,
  list: (query: OperatorBookingQuery) => ['operator', 'bookings', query] as const,
};

/** GET /api/operator/bookings: one page of the operator's bookings, latest start first. */
export function listOperatorBookings(query: OperatorBookingQuery, signal?: AbortSignal): Promise<OperatorBookingPage> {
  return apiRequest(`/api/operator/bookings${toQueryString(query)}`, { signal });
}

export function operatorBookingsOptions(query: OperatorBookingQuery) {
  return withDashboardRefresh(queryOptions({ queryKey: operatorBookingKeys.list(query), queryFn: ({ signal }) => listOperatorBookings(query, signal) }));
}

export function useOperatorBookings(query: OperatorBookingQuery) {
  return useQuery({ ...operatorBookingsOptions(query), placeholderData: keepPreviousData });
}

/**
 * GET /api/operator/bookings.csv with the list's filters (every page, no cursor): fetched with
 * the bearer token (a plain link could not send it), then saved as a file.
 */
export async function exportOperatorBookings(query: OperatorBookingQuery): Promise<void> {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  const file = await apiDownload(`/api/operator/bookings.csv${toQueryString(filters)}`, { headers: { accept: 'text/csv' } });
  saveFile(file, file.fileName ?? 'bookings.csv');
}

export function useExportOperatorBookings() {
  return useMutation({ mutationFn: exportOperatorBookings });
}
