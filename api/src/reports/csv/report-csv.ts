/**
 * The CSV of a report: one tidy table for every report type, one value per row, so a spreadsheet
 * or a script can filter and pivot it without knowing the report's layout. Money is integer minor
 * units with its currency in its own column (never a formatted decimal), percentages are percent
 * (12.5 means 12.5 %), and each figure row carries its comparison value and change.
 */
import { METRIC_DEFINITIONS, OVERVIEW_METRICS, type MetricFigure, type MetricsPeriod, type RevenueAmounts, type RevenueSlice } from '@aiparksit/shared';
import { fxOfReport, REPORT_TITLES, type ReportData } from '../report-data.js';
import { csvDocument, type CsvValue } from './rfc4180.js';

export const REPORT_CSV_HEADER = ['section', 'item', 'label', 'metric', 'unit', 'currency', 'value', 'comparison', 'change', 'change_percent'] as const;

type Row = CsvValue[];
type Unit = 'money' | 'count' | 'hours' | 'percent' | 'days' | 'rank' | 'rate' | 'text';

function row(section: string, item: string, label: string, metric: string, unit: Unit, currency: string | null, value: CsvValue, comparison?: CsvValue): Row {
  const both = typeof value === 'number' && typeof comparison === 'number';
  return [
    section,
    item,
    label,
    metric,
    unit,
    currency,
    value,
    comparison,
    both ? round((value as number) - (comparison as number)) : null,
    both ? changePercent(value as number, comparison as number) : null,
  ];
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/** As the metrics contract defines it: one decimal, none against zero. */
function changePercent(value: number, comparison: number): number | null {
  if (comparison === 0) return null;
  return Math.round(((value - comparison) / Math.abs(comparison)) * 1000) / 10;
}

function figureRow(section: string, item: string, label: string, metric: string, figure: MetricFigure): Row {
  return [section, item, label, metric, figure.unit, figure.currency ?? null, figure.value, figure.comparison, figure.change, figure.changePercent];
}

function periodRows(period: MetricsPeriod, type: ReportData['type'], generatedAt: string, reportingCurrency: string): Row[] {
  const text = (item: string, label: string, value: string): Row => ['report', item, label, item, 'text', null, value, null, null, null];
  return [
    text('report', 'Report', REPORT_TITLES[type]),
    text('from', 'Period start (included)', period.from),
    text('to', 'Period end (included)', period.to),
    text('comparison', 'Compared with', period.comparison),
    text('comparison_from', 'Comparison start', period.comparisonFrom),
    text('comparison_to', 'Comparison end', period.comparisonTo),
    text('granularity', 'Series buckets', period.granularity),
    text('reporting_currency', 'Reporting currency', reportingCurrency),
    text('reporting_time_zone', 'Time zone of account figures', period.reportingTimeZone),
    text('generated_at', 'Generated at', generatedAt),
  ];
}

function overviewRows(data: ReportData): Row[] {
  const { overview } = data;
  const rows: Row[] = [];
  for (const key of OVERVIEW_METRICS) {
    const figure = overview.figures[key];
    const label = METRIC_DEFINITIONS[key].label;
    rows.push(figureRow('figures', key, label, key, figure));
    for (const part of figure.byCurrency ?? []) rows.push(row('figures_by_currency', key, label, key, 'money', part.currency, part.value, part.comparison));
  }
  if (data.type === 'platform-overview') {
    const currency = overview.fx.reportingCurrency;
    for (const point of overview.series) {
      rows.push(row('series', point.bucket, point.bucket, 'gmv', 'money', currency, point.gmvCents));
      rows.push(row('series', point.bucket, point.bucket, 'netRevenue', 'money', currency, point.netRevenueCents));
      rows.push(row('series', point.bucket, point.bucket, 'paidBookings', 'count', null, point.paidBookings));
      rows.push(row('series', point.bucket, point.bucket, 'activeDrivers', 'count', null, point.activeDrivers));
      rows.push(row('series', point.bucket, point.bucket, 'occupancy', 'percent', null, point.occupancyPercent));
    }
  }
  return rows;
}

const AMOUNTS: [keyof RevenueAmounts, string, Unit][] = [
  ['gmvCents', 'gmv', 'money'],
  ['feeCents', 'fees', 'money'],
  ['refundCents', 'refunds', 'money'],
  ['netRevenueCents', 'netRevenue', 'money'],
  ['operatorPayoutCents', 'operatorPayouts', 'money'],
  ['paidBookings', 'paidBookings', 'count'],
];

function amountRows(section: string, item: string, label: string, currency: string, amounts: RevenueAmounts, comparison?: RevenueAmounts): Row[] {
  return AMOUNTS.map(([field, metric, unit]) =>
    row(section, item, label, metric, unit, unit === 'money' ? currency : null, amounts[field], comparison?.[field]),
  );
}

function revenueRows(data: Extract<ReportData, { type: 'revenue' }>): Row[] {
  const { revenue } = data;
  const currency = revenue.fx.reportingCurrency;
  const rows = amountRows('revenue_totals', 'total', 'Whole period', currency, revenue.totals, revenue.comparisonTotals);
  for (const point of revenue.series) rows.push(...amountRows('revenue_series', point.bucket, point.bucket, currency, point));
  for (const series of revenue.seriesByCurrency)
    for (const point of series.buckets) rows.push(...amountRows('revenue_series_by_currency', point.bucket, point.bucket, series.currency, point));
  const slices: [string, RevenueSlice[], boolean][] = [
    ['revenue_by_country', revenue.byCountry, false],
    ['revenue_by_city', revenue.byCity, false],
    ['revenue_by_currency', revenue.byCurrency, true],
    ['revenue_by_space_type', revenue.bySpaceType, false],
    ['top_facilities', revenue.topFacilities, false],
    ['top_operators', revenue.topOperators, false],
  ];
  for (const [section, list, ownCurrency] of slices)
    for (const slice of list) rows.push(...amountRows(section, slice.key, slice.label, ownCurrency ? slice.key : currency, slice, slice.comparison));
  return rows;
}

function growthRows(data: Extract<ReportData, { type: 'growth' }>): Row[] {
  const { growth } = data;
  const rows: Row[] = [];
  for (const [role, figure] of Object.entries(growth.signupTotals)) rows.push(figureRow('signup_totals', role, `${role} sign-ups`, 'signups', figure));
  for (const point of growth.signups)
    for (const role of ['driver', 'operator', 'investor', 'admin'] as const)
      rows.push(row('signups', point.bucket, role, 'signups', 'count', null, point[role]));
  rows.push(figureRow('active_drivers_total', 'total', 'Active drivers', 'activeDrivers', growth.activeDriverTotal));
  for (const point of growth.activeDrivers) {
    rows.push(row('active_drivers', point.bucket, point.bucket, 'activeDrivers', 'count', null, point.drivers));
    rows.push(row('active_drivers', point.bucket, point.bucket, 'newDrivers', 'count', null, point.newDrivers));
    rows.push(row('active_drivers', point.bucket, point.bucket, 'returningDrivers', 'count', null, point.returningDrivers));
  }
  for (const cohort of growth.cohorts) {
    rows.push(row('cohort_retention', cohort.month, cohort.month, 'drivers', 'count', null, cohort.drivers));
    cohort.retention.forEach((share, k) => rows.push(row('cohort_retention', cohort.month, cohort.month, `month_${k}`, 'percent', null, share)));
  }
  for (const step of growth.operatorFunnel) {
    rows.push(row('operator_funnel', step.step, step.step, 'operators', 'count', null, step.operators));
    rows.push(row('operator_funnel', step.step, step.step, 'conversionPercent', 'percent', null, step.conversionPercent));
    rows.push(row('operator_funnel', step.step, step.step, 'medianDaysFromPrevious', 'days', null, step.medianDaysFromPrevious));
  }
  rows.push(figureRow('supply_totals', 'facilities', 'Listed facilities', 'facilities', growth.supplyTotals.facilities));
  rows.push(figureRow('supply_totals', 'spaces', 'Listed spaces', 'spaces', growth.supplyTotals.spaces));
  for (const point of growth.supply) {
    rows.push(row('supply', point.bucket, point.bucket, 'facilities', 'count', null, point.facilities));
    rows.push(row('supply', point.bucket, point.bucket, 'spaces', 'count', null, point.spaces));
  }
  return rows;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function marketRows(data: Extract<ReportData, { type: 'market' }>): Row[] {
  const { market } = data;
  const reporting = market.fx.reportingCurrency;
  const rows: Row[] = [];
  for (const city of market.cities) {
    const c = (metric: string, unit: Unit, value: CsvValue, currency: string | null = null, comparison?: CsvValue): Row =>
      row('cities', city.key, `${city.city}, ${city.countryCode}`, metric, unit, currency, value, comparison);
    rows.push(c('launchedOn', 'text', city.launchedOn), c('facilities', 'count', city.facilities), c('spaces', 'count', city.spaces));
    for (const [type, spaces] of Object.entries(city.spacesByType)) rows.push(c(`spaces_${type}`, 'count', spaces));
    rows.push(c('paidBookings', 'count', city.paidBookings), c('bookedHours', 'hours', city.bookedHours), c('occupancy', 'percent', city.occupancyPercent));
    rows.push([
      'cities',
      city.key,
      `${city.city}, ${city.countryCode}`,
      'gmv',
      'money',
      reporting,
      city.gmvCents,
      city.comparisonGmvCents,
      city.gmvCents - city.comparisonGmvCents,
      city.growthPercent,
    ]);
    rows.push(c('growthRank', 'rank', city.growthRank));
    rows.push(
      c('averagePricePerHour', 'money', city.averagePricePerHourCents, city.currency),
      c('medianPricePerHour', 'money', city.medianPricePerHourCents, city.currency),
      c('p10PricePerHour', 'money', city.p10PricePerHourCents, city.currency),
      c('p90PricePerHour', 'money', city.p90PricePerHourCents, city.currency),
      c('revPash', 'money', city.revPashCents, reporting),
    );
    for (const share of city.operatorShares) {
      rows.push(row('city_operator_shares', city.key, share.operator, 'gmv', 'money', reporting, share.gmvCents));
      rows.push(row('city_operator_shares', city.key, share.operator, 'gmvShare', 'percent', null, share.sharePercent));
    }
  }
  for (const cell of market.demandHeatmap) {
    const item = `${cell.weekday}-${String(cell.hour).padStart(2, '0')}`;
    const label = `${WEEKDAYS[cell.weekday - 1] ?? cell.weekday} ${String(cell.hour).padStart(2, '0')}:00`;
    rows.push(row('demand_heatmap', item, label, 'bookedHours', 'hours', null, cell.bookedHours));
    rows.push(row('demand_heatmap', item, label, 'intensity', 'percent', null, cell.intensityPercent));
  }
  return rows;
}

export function reportCsv(data: ReportData): string {
  const fx = fxOfReport(data);
  const rows: Row[] = periodRows(data.overview.period, data.type, data.overview.generatedAt, fx.reportingCurrency);
  rows.push(...overviewRows(data));
  if (data.type === 'revenue') rows.push(...revenueRows(data));
  if (data.type === 'growth') rows.push(...growthRows(data));
  if (data.type === 'market') rows.push(...marketRows(data));
  for (const rate of fx.rates) rows.push(['fx_rates', rate.currency, rate.date, 'unitsPerEur', 'rate', rate.currency, rate.unitsPerEur, null, null, null]);
  for (const currency of fx.missing)
    rows.push(['fx_missing', currency, 'No rate: left out of converted totals', 'unitsPerEur', 'rate', currency, null, null, null, null]);
  return csvDocument(REPORT_CSV_HEADER, rows);
}
