import type { BookingListQuery } from '@aiparksit/shared';

export const bookingKeys = {
  all: ['bookings'] as const,
  /** Every page of the driver's list, whatever its filter: what a change to a booking invalidates. */
  lists: () => ['bookings', 'list'] as const,
  list: (query: BookingListQuery) => ['bookings', 'list', query] as const,
  detail: (id: string) => ['bookings', id] as const,
};
