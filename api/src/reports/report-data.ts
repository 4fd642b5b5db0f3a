import type { FxUsage, GrowthMetrics, InvestorOverview, MarketMetrics, MetricsQuery, ReportExportRequest, ReportType, RevenueMetrics } from '@aiparksit/shared';

/** What reports read: the metrics module's service has exactly this shape. */
export interface ReportFigureSource {
  overview(query: MetricsQuery): Promise<InvestorOverview>;
  revenue(query: MetricsQuery): Promise<RevenueMetrics>;
  growth(query: MetricsQuery): Promise<GrowthMetrics>;
  market(query: MetricsQuery): Promise<MarketMetrics>;
}

export const REPORT_FIGURE_SOURCE = Symbol('ReportFigureSource');

/**
 * The figures one report is made of. Every report opens with the platform's headline figures
 * (the overview), so a revenue, growth or market report is never read without them.
 */
export type ReportData =
  | { type: 'platform-overview'; overview: InvestorOverview }
  | { type: 'revenue'; overview: InvestorOverview; revenue: RevenueMetrics }
  | { type: 'growth'; overview: InvestorOverview; growth: GrowthMetrics }
  | { type: 'market'; overview: InvestorOverview; market: MarketMetrics };

export const REPORT_TITLES: Record<ReportType, string> = {
  'platform-overview': 'Platform overview',
  revenue: 'Revenue report',
  growth: 'Growth report',
  market: 'Market analysis',
};

export async function loadReportData(source: ReportFigureSource, type: ReportExportRequest['type'], query: MetricsQuery): Promise<ReportData> {
  switch (type) {
    case 'platform-overview':
      return { type, overview: await source.overview(query) };
    case 'revenue': {
      const [overview, revenue] = await Promise.all([source.overview(query), source.revenue(query)]);
      return { type, overview, revenue };
    }
    case 'growth': {
      const [overview, growth] = await Promise.all([source.overview(query), source.growth(query)]);
      return { type, overview, growth };
    }
    case 'market': {
      const [overview, market] = await Promise.all([source.overview(query), source.market(query)]);
      return { type, overview, market };
    }
  }
}

/** Every exchange rate the report's figures used, once each, by currency then date. */
export function fxOfReport(data: ReportData): FxUsage {
  const usages = [data.overview.fx];
  if (data.type === 'revenue') usages.push(data.revenue.fx);
  if (data.type === 'market') usages.push(data.market.fx);
  const rates = new Map<string, FxUsage['rates'][number]>();
  const missing = new Set<string>();
  for (const usage of usages) {
    for (const rate of usage.rates) rates.set(`${rate.currency}:${rate.date}`, rate);
    for (const currency of usage.missing) missing.add(currency);
  }
  return {
    reportingCurrency: data.overview.fx.reportingCurrency,
    rates: [...rates.values()].sort((a, b) => a.currency.localeCompare(b.currency) || a.date.localeCompare(b.date)),
    missing: [...missing].sort(),
  };
}
