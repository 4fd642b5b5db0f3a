import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BookingView, CreateBookingRequest } from '@aiparksit/shared';
import { api, idempotent, unwrap } from '../../../lib/api-client';
import { IdempotencyKeys } from '../../../lib/idempotency';
import { bookingOptions } from '../../../shared/bookings';

/** POST /api/bookings: holds a free space of the type as `pending_payment` (409 when none is free). */
export function createBooking(body: CreateBookingRequest, idempotencyKey: string): Promise<BookingView> {
  return unwrap(api.POST('/api/bookings', { params: { header: idempotent(idempotencyKey) }, body }));
}

export function useCreateBooking() {
  const queryClient = useQueryClient();
  const [keys] = useState(() => new IdempotencyKeys());
  return useMutation({
    mutationKey: ['bookings', 'create'],
    mutationFn: (body: CreateBookingRequest) => createBooking(body, keys.keyFor(body)),
    onSettled: (_data, error) => keys.settle(error),
    onSuccess: (booking) => queryClient.setQueryData(bookingOptions(booking.id).queryKey, booking),
  });
}
