import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { BookingList, BookingListQuery } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { bookingKeys } from '../../../shared/bookings';

/** GET /api/bookings: one page of the signed-in driver's own bookings under a filter. */
export function listBookings(query: BookingListQuery, signal?: AbortSignal): Promise<BookingList> {
  return unwrap(api.GET('/api/bookings', { params: { query }, signal }));
}

export function bookingListOptions(query: BookingListQuery) {
  return queryOptions({ queryKey: bookingKeys.list(query), queryFn: ({ signal }) => listBookings(query, signal) });
}

/** The previous page stays on screen while the next one loads, so paging does not flash a spinner. */
export function useBookings(query: BookingListQuery) {
  return useQuery({ ...bookingListOptions(query), placeholderData: keepPreviousData });
}
