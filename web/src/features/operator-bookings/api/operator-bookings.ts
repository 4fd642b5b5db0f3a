import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { OperatorBookingDetail, OperatorBookingPage, OperatorBookingQuery } from '@aiparksit/shared';
import { api, download, unwrap } from '../../../lib/api-client';
import { saveFile } from '../../../lib/http';
import { withDashboardRefresh } from '../../../lib/socket';

export const operatorBookingKeys = {
  all: ['operator', 'bookings'] as const,
  list: (query: OperatorBookingQuery) => ['operator', 'bookings', query] as const,
  detail: (id: string) => ['operator', 'bookings', 'detail', id] as const,
};

/** GET /api/operator/bookings: one page of the operator's bookings, newest first unless `sort` says otherwise. */
export function listOperatorBookings(query: OperatorBookingQuery, signal?: AbortSignal): Promise<OperatorBookingPage> {
  return unwrap(api.GET('/api/operator/bookings', { params: { query }, signal }));
}

export function operatorBookingsOptions(query: OperatorBookingQuery) {
  return withDashboardRefresh(queryOptions({ queryKey: operatorBookingKeys.list(query), queryFn: ({ signal }) => listOperatorBookings(query, signal) }));
}

export function useOperatorBookings(query: OperatorBookingQuery) {
  return useQuery({ ...operatorBookingsOptions(query), placeholderData: keepPreviousData });
}

/** GET /api/operator/bookings/:id: one booking of the operator's car parks with its payments and refunds. */
export function getOperatorBooking(id: string, signal?: AbortSignal): Promise<OperatorBookingDetail> {
  return unwrap(api.GET('/api/operator/bookings/{id}', { params: { path: { id } }, signal }));
}

/** Refreshed by the operator feed like the list (its key is under `operatorBookingKeys.all`), so a hold paid or lapsed shows at once. */
export function operatorBookingOptions(id: string) {
  return withDashboardRefresh(queryOptions({ queryKey: operatorBookingKeys.detail(id), queryFn: ({ signal }) => getOperatorBooking(id, signal) }));
}

export function useOperatorBooking(id: string) {
  return useQuery(operatorBookingOptions(id));
}

/**
 * GET /api/operator/bookings.csv with the list's filters (every page, no cursor): fetched with
 * the bearer token (a plain link could not send it), then saved as a file.
 */
export async function exportOperatorBookings(query: OperatorBookingQuery): Promise<void> {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  const file = await download(api.GET('/api/operator/bookings.csv', { params: { query: filters }, headers: { accept: 'text/csv' }, parseAs: 'stream' }));
  saveFile(file, file.fileName ?? 'bookings.csv');
}

export function useExportOperatorBookings() {
  return useMutation({ mutationFn: exportOperatorBookings });
}
