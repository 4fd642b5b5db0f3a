import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CancelBookingSeriesResult } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { bookingKeys } from '../../../shared/bookings';
import { seriesKeys } from './series-keys';

/** POST /api/booking-series/:id/cancel: every occurrence not yet started, each refunded by its own terms. */
export function cancelSeries(id: string): Promise<CancelBookingSeriesResult> {
  return unwrap(api.POST('/api/booking-series/{id}/cancel', { params: { path: { id } } }));
}

export function useCancelSeries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['booking-series', 'cancel'],
    mutationFn: cancelSeries,
    onSuccess: (result) => {
      queryClient.setQueryData(seriesKeys.detail(result.series.id), result.series);
      return queryClient.invalidateQueries({ queryKey: bookingKeys.all });
    },
  });
}
