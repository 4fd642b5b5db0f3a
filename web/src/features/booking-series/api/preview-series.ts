import { useMutation } from '@tanstack/react-query';
import type { BookingSeriesPreview, BookingSeriesPreviewRequest } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';

/** POST /api/booking-series/preview: every occurrence, free or why not, priced; nothing is held. */
export function previewSeries(body: BookingSeriesPreviewRequest): Promise<BookingSeriesPreview> {
  return unwrap(api.POST('/api/booking-series/preview', { body }));
}

export function usePreviewSeries() {
  return useMutation({ mutationKey: ['booking-series', 'preview'], mutationFn: previewSeries });
}
