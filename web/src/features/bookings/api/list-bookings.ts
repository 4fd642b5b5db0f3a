import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BookingList } from '@aiparksit/shared';
import { apiRequest } from '../../../lib/api-client';
import { bookingKeys } from '../../../shared/bookings';

/** GET /api/bookings: the signed-in driver's own bookings, upcoming and past. */
export function listBookings(signal?: AbortSignal): Promise<BookingList> {
  return apiRequest<BookingList>('/api/bookings', { signal });
}

export const bookingListOptions = queryOptions({ queryKey: bookingKeys.list(), queryFn: ({ signal }) => listBookings(signal) });

export function useBookings() {
  return useQuery(bookingListOptions);
}
