import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CancelBookingResult } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { bookingKeys } from '../../../shared/bookings';

/** POST /api/bookings/:id/cancel: refunds by the booking's stated cancellation terms. */
export function cancelBooking(id: string): Promise<CancelBookingResult> {
  return unwrap(api.POST('/api/bookings/{id}/cancel', { params: { path: { id } } }));
}

export function useCancelBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['bookings', 'cancel'],
    mutationFn: cancelBooking,
    onSuccess: (result) => {
      queryClient.setQueryData(bookingKeys.detail(result.booking.id), result.booking);
      return queryClient.invalidateQueries({ queryKey: bookingKeys.lists() });
    },
  });
}
