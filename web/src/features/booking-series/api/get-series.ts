import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BookingSeriesView } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { seriesKeys } from './series-keys';

/** GET /api/booking-series/:id: the driver's series with each occurrence as a booking (someone else's answers 404). */
export function getSeries(id: string, signal?: AbortSignal): Promise<BookingSeriesView> {
  return unwrap(api.GET('/api/booking-series/{id}', { params: { path: { id } }, signal }));
}

export function seriesOptions(id: string) {
  return queryOptions({ queryKey: seriesKeys.detail(id), queryFn: ({ signal }) => getSeries(id, signal) });
}

export function useSeries(id: string) {
  return useQuery(seriesOptions(id));
}
