import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BookingView } from '@aiparksit/shared';
import { api, unwrap } from '../../lib/api-client';
import { bookingKeys } from './booking-keys';

/** GET /api/bookings/:id: the driver's booking (someone else's answers 404). */
export function getBooking(id: string, signal?: AbortSignal): Promise<BookingView> {
  return unwrap(api.GET('/api/bookings/{id}', { params: { path: { id } }, signal }));
}

export function bookingOptions(id: string) {
  return queryOptions({ queryKey: bookingKeys.detail(id), queryFn: ({ signal }) => getBooking(id, signal) });
}

export function useBooking(id: string) {
  return useQuery(bookingOptions(id));
}
