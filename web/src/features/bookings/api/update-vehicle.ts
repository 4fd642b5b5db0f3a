import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BookingView, UpdateVehicleRequest } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { bookingKeys } from '../../../shared/bookings';

/** PATCH /api/bookings/:id/vehicle: a new plate, allowed until the booking starts. */
export function updateVehicle(id: string, body: UpdateVehicleRequest): Promise<BookingView> {
  return unwrap(api.PATCH('/api/bookings/{id}/vehicle', { params: { path: { id } }, body }));
}

export function useUpdateVehicle(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['bookings', id, 'vehicle'],
    mutationFn: (body: UpdateVehicleRequest) => updateVehicle(id, body),
    onSuccess: (booking) => {
      queryClient.setQueryData(bookingKeys.detail(id), booking);
      return queryClient.invalidateQueries({ queryKey: bookingKeys.lists() });
    },
  });
}
