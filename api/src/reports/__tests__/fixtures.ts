/** Hand-made metrics answers, shaped as the contract says, for the reports' unit tests. */
import {
  OVERVIEW_METRICS,
  type CityMarket,
  type GrowthMetrics,
  type InvestorOverview,
  type MarketMetrics,
  type MetricFigure,
  type MetricsPeriod,
  type RevenueAmounts,
  type RevenueMetrics,
  type RevenueSlice,
} from '@aiparksit/shared';

const PERIOD: MetricsPeriod = {
  preset: null,
  from: '2026-01-01',
  to: '2026-12-31',
  days: 365,
  comparison: 'previous_period',
  comparisonFrom: '2025-01-01',
  comparisonTo: '2025-12-31',
  granularity: 'month',
  reportingTimeZone: 'Europe/Berlin',
};
const GENERATED = '2027-01-02T08:30:00.000Z';
const FX = { reportingCurrency: 'EUR', rates: [{ currency: 'CHF', date: '2026-12-31', unitsPerEur: 0.9312 }], missing: [] };
const MONTHS = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`);

function figure(value: number, comparison: number, unit: MetricFigure['unit'], currency?: string): MetricFigure {
  return {
    value,
    comparison,
    change: value - comparison,
    changePercent: comparison ? Math.round(((value - comparison) / Math.abs(comparison)) * 1000) / 10 : null,
    unit,
    ...(currency ? { currency } : {}),
  };
}

export function overviewFixture(): InvestorOverview {
  const units: Record<string, MetricFigure['unit']> = {
    gmv: 'money',
    netRevenue: 'money',
    averageBookingValue: 'money',
    revPash: 'money',
    takeRate: 'percent',
    cancellationRate: 'percent',
    refundRate: 'percent',
    occupancy: 'percent',
    bookedHours: 'hours',
  };
  const figures = Object.fromEntries(
    OVERVIEW_METRICS.map((key, i) => {
      const unit = units[key] ?? 'count';
      const f = figure(
        unit === 'percent' ? 10 + i : 123_456 * (i + 1),
        unit === 'percent' ? 8.5 + i : 100_000 * (i + 1),
        unit,
        unit === 'money' ? 'EUR' : undefined,
      );
      if (key === 'gmv') f.byCurrency = [{ currency: 'CHF', value: 4_567_800, comparison: 3_210_000 }];
      return [key, f];
    }),
  ) as InvestorOverview['figures'];
  figures.newDrivers = figure(0, 0, 'count');
  figures.revPash = { ...figure(0, 0, 'money', 'EUR'), comparison: null, change: null, changePercent: null };
  return {
    period: PERIOD,
    fx: FX,
    figures,
    series: MONTHS.map((bucket, i) => ({
      bucket,
      gmvCents: 1_000_000 + i * 50_000,
      netRevenueCents: 150_000 + i * 7_000,
      paidBookings: 400 + i * 10,
      activeDrivers: 300 + i * 5,
      occupancyPercent: 40 + i,
    })),
    generatedAt: GENERATED,
  };
}

function amounts(gmv: number): RevenueAmounts {
  return {
    gmvCents: gmv,
    feeCents: gmv * 0.15,
    refundCents: -gmv * 0.02,
    netRevenueCents: gmv * 0.147,
    operatorPayoutCents: gmv * 0.833,
    paidBookings: gmv / 2500,
  };
}

function slice(key: string, label: string, gmv: number): RevenueSlice {
  return { key, label, ...amounts(gmv), comparison: amounts(gmv * 0.8), gmvChangePercent: 25 };
}

export function revenueFixture(): RevenueMetrics {
  return {
    period: PERIOD,
    fx: FX,
    totals: amounts(10_000_000),
    comparisonTotals: amounts(8_000_000),
    series: MONTHS.map((bucket) => ({ bucket, ...amounts(1_000_000) })),
    seriesByCurrency: [{ currency: 'CHF', buckets: MONTHS.map((bucket) => ({ bucket, ...amounts(50_000) })) }],
    byCountry: [slice('DE', 'Germany', 6_000_000), slice('CH', 'Switzerland', 4_000_000)],
    byCity: [slice('DE:Berlin', 'Berlin', 6_000_000), slice('CH:Zürich', 'Zürich', 4_000_000)],
    byCurrency: [slice('EUR', 'EUR', 6_000_000), slice('CHF', 'CHF', 3_725_000)],
    bySpaceType: [slice('standard', 'Standard', 9_000_000), slice('ev', 'EV', 1_000_000)],
    topFacilities: [slice('f1', 'Bahnhof <Garage> & "Co"', 2_000_000)],
    topOperators: [slice('o1', '=Park & Ride GmbH', 3_000_000)],
    generatedAt: GENERATED,
  };
}

export function growthFixture(): GrowthMetrics {
  return {
    period: PERIOD,
    signups: MONTHS.map((bucket, i) => ({ bucket, driver: 100 + i, operator: 3, investor: 1, admin: 0 })),
    signupTotals: {
      driver: figure(1266, 1000, 'count'),
      operator: figure(36, 30, 'count'),
      investor: figure(12, 10, 'count'),
      admin: figure(0, 1, 'count'),
    },
    activeDrivers: MONTHS.map((bucket, i) => ({ bucket, drivers: 300 + i, newDrivers: 100, returningDrivers: 200 + i })),
    activeDriverTotal: figure(2400, 2000, 'count'),
    cohorts: MONTHS.map((month, i) => ({ month, drivers: 100 + i, retention: [100, ...Array.from({ length: 11 - i }, (_, k) => 60 - k * 3)] })),
    operatorFunnel: [
      { step: 'applied', operators: 40, conversionPercent: null, medianDaysFromPrevious: null },
      { step: 'approved', operators: 30, conversionPercent: 75, medianDaysFromPrevious: 2.5 },
      { step: 'first_facility_published', operators: 25, conversionPercent: 83.3, medianDaysFromPrevious: 6 },
      { step: 'first_paid_booking', operators: 20, conversionPercent: 80, medianDaysFromPrevious: 11.5 },
    ],
    supply: MONTHS.map((bucket, i) => ({ bucket, facilities: 100 + i * 4, spaces: 5000 + i * 200 })),
    supplyTotals: { facilities: figure(144, 100, 'count'), spaces: figure(7200, 5000, 'count') },
    generatedAt: GENERATED,
  };
}

function city(i: number): CityMarket {
  const names = ['Berlin', 'Munich', 'Hamburg', 'Zürich', 'Geneva', 'London', 'Manchester', 'Paris', 'Lyon', 'Vienna', 'Amsterdam', 'Madrid'];
  const name = names[i % names.length]!;
  return {
    key: `XX:${name}`,
    city: name,
    countryCode: ['DE', 'DE', 'DE', 'CH', 'CH', 'GB', 'GB', 'FR', 'FR', 'AT', 'NL', 'ES'][i % 12]!,
    currency: ['EUR', 'EUR', 'EUR', 'CHF', 'CHF', 'GBP', 'GBP', 'EUR', 'EUR', 'EUR', 'EUR', 'EUR'][i % 12]!,
    latitude: 50,
    longitude: 10,
    launchedOn: `2025-0${(i % 9) + 1}-01`,
    facilities: 10 + i,
    spaces: 500 + i * 30,
    spacesByType: { standard: 400, ev: 50, accessible: 20, oversize: 10, motorcycle: 20 + i * 30 },
    paidBookings: 5000 - i * 100,
    bookedHours: 20_000.5 - i * 300,
    occupancyPercent: 35 + i,
    gmvCents: 9_000_000 - i * 400_000,
    comparisonGmvCents: 7_000_000 - i * 100_000,
    growthPercent: 28.6 - i * 3,
    growthRank: i + 1,
    averagePricePerHourCents: 350 + i * 10,
    medianPricePerHourCents: 300 + i * 10,
    p10PricePerHourCents: 150,
    p90PricePerHourCents: 600,
    revPashCents: 120,
    operatorShares: Array.from({ length: 6 }, (_, k) => ({
      operator: k === 5 ? 'Others' : `Operator ${i}-${k}`,
      gmvCents: 1_000_000 - k * 100_000,
      sharePercent: 30 - k * 4,
    })),
  };
}

export function marketFixture(cities = 12): MarketMetrics {
  return {
    period: PERIOD,
    fx: FX,
    cities: Array.from({ length: cities }, (_, i) => city(i)),
    demandHeatmap: Array.from({ length: 7 * 24 }, (_, n) => ({
      weekday: Math.floor(n / 24) + 1,
      hour: n % 24,
      bookedHours: (n % 24) * 10,
      intensityPercent: Math.round(((n % 24) / 23) * 1000) / 10,
    })),
    generatedAt: GENERATED,
  };
}
