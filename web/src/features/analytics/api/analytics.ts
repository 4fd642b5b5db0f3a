import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AnalyticsQuery, OccupancyReport, RevenueReport } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { withDashboardRefresh } from '../../../lib/socket';

export const analyticsKeys = {
  all: ['analytics'] as const,
  revenue: (query: AnalyticsQuery) => ['analytics', 'revenue', query] as const,
  occupancy: (query: AnalyticsQuery) => ['analytics', 'occupancy', query] as const,
};

/** GET /api/analytics/revenue: gross, refunds, fees, net and bookings per bucket, per currency. */
export function getRevenue(query: AnalyticsQuery, signal?: AbortSignal): Promise<RevenueReport> {
  return unwrap(api.GET('/api/analytics/revenue', { params: { query }, signal }));
}

/** GET /api/analytics/occupancy: occupancy per bucket and the weekday × hour heatmap. */
export function getOccupancy(query: AnalyticsQuery, signal?: AbortSignal): Promise<OccupancyReport> {
  return unwrap(api.GET('/api/analytics/occupancy', { params: { query }, signal }));
}

export function revenueOptions(query: AnalyticsQuery) {
  return withDashboardRefresh(queryOptions({ queryKey: analyticsKeys.revenue(query), queryFn: ({ signal }) => getRevenue(query, signal) }));
}

export function occupancyOptions(query: AnalyticsQuery) {
  return withDashboardRefresh(queryOptions({ queryKey: analyticsKeys.occupancy(query), queryFn: ({ signal }) => getOccupancy(query, signal) }));
}

export function useRevenue(query: AnalyticsQuery) {
  return useQuery({ ...revenueOptions(query), placeholderData: keepPreviousData });
}

export function useOccupancy(query: AnalyticsQuery) {
  return useQuery({ ...occupancyOptions(query), placeholderData: keepPreviousData });
}

/** `YYYY-MM-DD` of a date in the browser's calendar; the API reads it in each facility's zone. */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last `days` days, today included: `to` is tomorrow (exclusive). */
export function lastDays(days: number, now = new Date()): { from: string; to: string } {
  const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  const from = new Date(to.getFullYear(), to.getMonth(), to.getDate() - days);
  return { from: localDate(from), to: localDate(to) };
}
