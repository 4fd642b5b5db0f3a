export const seriesKeys = {
  all: ['booking-series'] as const,
  list: () => ['booking-series', 'list'] as const,
  detail: (id: string) => ['booking-series', id] as const,
};
