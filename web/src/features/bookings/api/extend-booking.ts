import { useMutation } from '@tanstack/react-query';
import type { BookingExtensionView, ExtendBookingRequest } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';

/**
 * POST /api/bookings/:id/extend: holds the extra time on the same space, priced as the
 * difference; it takes effect once paid (409 when the space is taken for it).
 */
export function extendBooking(id: string, body: ExtendBookingRequest): Promise<BookingExtensionView> {
  return unwrap(api.POST('/api/bookings/{id}/extend', { params: { path: { id } }, body }));
}

export function useExtendBooking(id: string) {
  return useMutation({ mutationKey: ['bookings', id, 'extend'], mutationFn: (body: ExtendBookingRequest) => extendBooking(id, body) });
}
