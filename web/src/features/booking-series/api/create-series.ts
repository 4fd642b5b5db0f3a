import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BookingSeriesView, CreateBookingSeriesRequest } from '@aiparksit/shared';
import { api, idempotent, unwrap } from '../../../lib/api-client';
import { IdempotencyKeys } from '../../../lib/idempotency';
import { bookingKeys } from '../../../shared/bookings';
import { seriesKeys } from './series-keys';

/** POST /api/booking-series: holds the occurrences (all, or only the free ones) in one go. */
export function createSeries(body: CreateBookingSeriesRequest, idempotencyKey: string): Promise<BookingSeriesView> {
  return unwrap(api.POST('/api/booking-series', { params: { header: idempotent(idempotencyKey) }, body }));
}

export function useCreateSeries() {
  const queryClient = useQueryClient();
  const [keys] = useState(() => new IdempotencyKeys());
  return useMutation({
    mutationKey: ['booking-series', 'create'],
    mutationFn: (body: CreateBookingSeriesRequest) => createSeries(body, keys.keyFor(body)),
    onSettled: (_data, error) => keys.settle(error),
    onSuccess: (series) => {
      queryClient.setQueryData(seriesKeys.detail(series.id), series);
      return queryClient.invalidateQueries({ queryKey: bookingKeys.lists() });
    },
  });
}
