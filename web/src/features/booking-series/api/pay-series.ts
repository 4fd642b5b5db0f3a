import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BookingSeriesView, CardInput } from '@aiparksit/shared';
import { api, idempotent, unwrap } from '../../../lib/api-client';
import { IdempotencyKeys } from '../../../lib/idempotency';
import { bookingKeys } from '../../../shared/bookings';
import { seriesKeys } from './series-keys';

/** POST /api/booking-series/:id/payment: one charge for every held occurrence; a refused card answers 402. */
export function paySeries(id: string, card: CardInput, idempotencyKey: string): Promise<BookingSeriesView> {
  return unwrap(api.POST('/api/booking-series/{id}/payment', { params: { path: { id }, header: idempotent(idempotencyKey) }, body: { card } }));
}

export function usePaySeries(id: string) {
  const queryClient = useQueryClient();
  const [keys] = useState(() => new IdempotencyKeys());
  return useMutation({
    mutationKey: ['booking-series', 'pay', id],
    mutationFn: (card: CardInput) => paySeries(id, card, keys.keyFor(card)),
    onSettled: (_data, error) => keys.settle(error),
    onSuccess: (series) => {
      queryClient.setQueryData(seriesKeys.detail(series.id), series);
      return queryClient.invalidateQueries({ queryKey: bookingKeys.all });
    },
  });
}
