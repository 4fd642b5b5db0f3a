import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { GrowthMetrics, InvestorOverview, MarketMetrics, MetricsQuery, RevenueMetrics } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { withDashboardRefresh } from '../../../lib/socket';

export const investorKeys = {
  all: ['investor'] as const,
  overview: (query: MetricsQuery) => ['investor', 'overview', query] as const,
  revenue: (query: MetricsQuery) => ['investor', 'revenue', query] as const,
  growth: (query: MetricsQuery) => ['investor', 'growth', query] as const,
  market: (query: MetricsQuery) => ['investor', 'market', query] as const,
};

/** GET /api/proxy/investor: the platform overview (every OVERVIEW_METRICS figure and the sparkline series). */
export function getOverview(query: MetricsQuery, signal?: AbortSignal): Promise<InvestorOverview> {
  return unwrap(api.GET('/api/proxy/investor', { params: { query }, signal }));
}

export function getRevenueMetrics(query: MetricsQuery, signal?: AbortSignal): Promise<RevenueMetrics> {
  return unwrap(api.GET('/api/metrics/revenue', { params: { query }, signal }));
}

export function getGrowthMetrics(query: MetricsQuery, signal?: AbortSignal): Promise<GrowthMetrics> {
  return unwrap(api.GET('/api/metrics/growth', { params: { query }, signal }));
}

export function getMarketMetrics(query: MetricsQuery, signal?: AbortSignal): Promise<MarketMetrics> {
  return unwrap(api.GET('/api/metrics/market', { params: { query }, signal }));
}

/** The overview refetches every DASHBOARD_REFETCH_MS, and sooner on the platform's revenue_updated. */
export function overviewOptions(query: MetricsQuery) {
  return withDashboardRefresh(queryOptions({ queryKey: investorKeys.overview(query), queryFn: ({ signal }) => getOverview(query, signal) }));
}

export function useOverview(query: MetricsQuery) {
  return useQuery({ ...overviewOptions(query), placeholderData: keepPreviousData });
}

export function useRevenueMetrics(query: MetricsQuery) {
  return useQuery({ queryKey: investorKeys.revenue(query), queryFn: ({ signal }) => getRevenueMetrics(query, signal), placeholderData: keepPreviousData });
}

export function useGrowthMetrics(query: MetricsQuery) {
  return useQuery({ queryKey: investorKeys.growth(query), queryFn: ({ signal }) => getGrowthMetrics(query, signal), placeholderData: keepPreviousData });
}

export function useMarketMetrics(query: MetricsQuery) {
  return useQuery({ queryKey: investorKeys.market(query), queryFn: ({ signal }) => getMarketMetrics(query, signal), placeholderData: keepPreviousData });
}
