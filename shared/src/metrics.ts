/**
 * The investor metrics (`GET /api/proxy/investor`, `GET /api/metrics/revenue|growth|market`) and
 * the reports made of them. Investors and admins only. Every figure is a platform aggregate: no
 * email, name or plate ever appears in these answers.
 */

/** What a period is compared with: the same number of days just before, or the same dates a year earlier. */
export const METRICS_COMPARISONS = ['previous_period', 'same_period_last_year'] as const;
export type MetricsComparison = (typeof METRICS_COMPARISONS)[number];

/** Bucket sizes of the metrics series; weeks start on Monday, months on the 1st. */
export const METRICS_GRANULARITIES = ['day', 'week', 'month'] as const;
export type MetricsGranularity = (typeof METRICS_GRANULARITIES)[number];

/** The longest period one request may cover, in days (`to` − `from` + 1). */
export const METRICS_MAX_PERIOD_DAYS = 1_096;

/**
 * Periods named by what they mean today, which the API works out on the platform's calendar
 * (today in `REPORTING_TIME_ZONE`) rather than the reader's: a reader whose clock is still on
 * yesterday would otherwise leave out everything paid since the platform's midnight.
 * - `30d`: today and the 29 days before;
 * - `3m` / `12m`: this month so far and the 2 / 11 whole months before (buckets never cut a month);
 * - `ytd`: since 1 January.
 */
export const METRICS_PRESETS = ['30d', '3m', '12m', 'ytd'] as const;
export type MetricsPreset = (typeof METRICS_PRESETS)[number];

/** The first and last day (both included) a preset covers when today is `today` (`YYYY-MM-DD`). */
export function presetDays(preset: MetricsPreset, today: string): { from: string; to: string } {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const date = (year: number, monthIndex: number, day: number) => new Date(Date.UTC(year, monthIndex, day)).toISOString().slice(0, 10);
  switch (preset) {
    case '30d':
      return { from: date(y, m - 1, d - 29), to: today };
    case '3m':
      return { from: date(y, m - 3, 1), to: today };
    case '12m':
      return { from: date(y, m - 12, 1), to: today };
    case 'ytd':
      return { from: date(y, 0, 1), to: today };
  }
}

/** Today's date (`YYYY-MM-DD`) in an IANA time zone. */
export function dateInZone(timeZone: string, at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

/**
 * Query of every metrics route: a named `preset`, or `from` and `to`, local dates (`YYYY-MM-DD`),
 * both included. Figures of a facility (bookings, money, occupancy) use the facility's own
 * calendar, figures of accounts (sign-ups, operator applications) the platform's reporting time
 * zone. The answer's `period` says which days a preset came to.
 */
export interface MetricsQuery {
  /** Instead of `from` and `to`; not together with them. */
  preset?: MetricsPreset;
  from?: string;
  to?: string;
  /** Default `previous_period`. */
  comparison?: MetricsComparison;
  /** Default: `day` up to 62 days, `week` up to 184, `month` beyond. */
  granularity?: MetricsGranularity;
}

/** The period an answer covers and the one it is compared with (dates included at both ends). */
export interface MetricsPeriod {
  /** The preset asked for, or null for days given as `from` and `to`. */
  preset: MetricsPreset | null;
  from: string;
  to: string;
  days: number;
  comparison: MetricsComparison;
  comparisonFrom: string;
  comparisonTo: string;
  granularity: MetricsGranularity;
  /** Zone of the account figures' days (`REPORTING_TIME_ZONE`). */
  reportingTimeZone: string;
}

/** One exchange rate an answer used: `unitsPerEur` units of `currency` for one euro on `date` (ECB convention). */
export interface FxRateUsed {
  currency: string;
  /** The rate's own date: the latest one on or before the days converted with it. */
  date: string;
  unitsPerEur: number;
}

/**
 * How money was converted. Amounts are summed per original currency and per rate in force
 * (each day uses the latest rate on or before it), and each such sum converts once into the
 * reporting currency, rounded half away from zero to a whole minor unit.
 */
export interface FxUsage {
  reportingCurrency: string;
  /** Every rate used, by currency then date; none when everything was already in the reporting currency. */
  rates: FxRateUsed[];
  /** Currencies met with no rate on or before a day that needed one: their amounts are left out of converted totals. */
  missing: string[];
}

export type MetricUnit = 'money' | 'count' | 'hours' | 'percent';

/**
 * One figure, its value in the comparison period and the change. `money` figures are integer
 * minor units of the reporting currency, with the original amounts in `byCurrency`; `percent`
 * figures are percentages (12.5 means 12.5 %) and their `change` is in percentage points.
 */
export interface MetricFigure {
  value: number | null;
  comparison: number | null;
  /** value − comparison; null when either is null. */
  change: number | null;
  /** (value − comparison) / |comparison| × 100, one decimal; null when the comparison is 0 or null. */
  changePercent: number | null;
  unit: MetricUnit;
  /** For `money`: the reporting currency. */
  currency?: string;
  /** For `money`: the same figure in each original currency, minor units (comparison included). */
  byCurrency?: { currency: string; value: number; comparison: number }[];
}

/** The keys of the overview, in the order reports and cards show them. */
export const OVERVIEW_METRICS = [
  'gmv',
  'netRevenue',
  'takeRate',
  'paidBookings',
  'bookedHours',
  'averageBookingValue',
  'cancellationRate',
  'refundRate',
  'activeDrivers',
  'newDrivers',
  'activeOperators',
  'listedFacilities',
  'listedSpaces',
  'occupancy',
  'revPash',
] as const;
export type OverviewMetric = (typeof OVERVIEW_METRICS)[number];

/** Label and definition of every overview figure: the SPA's tooltips and the reports' footnotes say the same. */
export const METRIC_DEFINITIONS: Record<OverviewMetric, { label: string; definition: string }> = {
  gmv: {
    label: 'Gross booking value',
    definition: 'Everything drivers were charged in the period (bookings and extensions, by day of payment), before refunds.',
  },
  netRevenue: { label: 'Net platform revenue', definition: 'Platform fees charged in the period minus platform fees refunded in the period.' },
  takeRate: { label: 'Take rate', definition: 'Net platform revenue as a share of gross booking value.' },
  paidBookings: { label: 'Paid bookings', definition: 'Bookings whose first payment succeeded in the period (extensions are not counted again).' },
  bookedHours: {
    label: 'Booked hours',
    definition: 'Space-hours of confirmed and completed bookings that fall inside the period (a stay across its edges counts the part inside).',
  },
  averageBookingValue: { label: 'Average booking value', definition: 'Gross booking value divided by paid bookings.' },
  cancellationRate: {
    label: 'Cancellation rate',
    definition: 'Paid bookings cancelled in the period, as a share of the bookings paid in the period.',
  },
  refundRate: { label: 'Refund rate', definition: 'Amounts refunded to drivers in the period, as a share of gross booking value.' },
  activeDrivers: { label: 'Active drivers', definition: 'Drivers with at least one paid booking in the period.' },
  newDrivers: { label: 'New drivers', definition: 'Driver accounts created in the period.' },
  activeOperators: { label: 'Active operators', definition: 'Approved operators with at least one paid booking at one of their facilities in the period.' },
  listedFacilities: { label: 'Listed facilities', definition: 'Published facilities at the end of the period.' },
  listedSpaces: { label: 'Listed spaces', definition: 'Active spaces of published facilities at the end of the period.' },
  occupancy: {
    label: 'Platform occupancy',
    definition: 'Booked space-time as a share of the space-time the listed spaces were open in the period.',
  },
  revPash: {
    label: 'Revenue per available space-hour',
    definition: 'Gross booking value divided by the space-hours the listed spaces were open in the period (the parking counterpart of RevPAR).',
  },
};

/** `GET /api/proxy/investor`: the platform overview. */
export interface InvestorOverview {
  period: MetricsPeriod;
  fx: FxUsage;
  figures: Record<OverviewMetric, MetricFigure>;
  /** One point per bucket, for the cards' sparklines; money in the reporting currency. */
  series: {
    bucket: string;
    gmvCents: number;
    netRevenueCents: number;
    paidBookings: number;
    activeDrivers: number;
    occupancyPercent: number | null;
  }[];
  generatedAt: string;
}

/** Money of one bucket or one slice, minor units. Refunds are negative. */
export interface RevenueAmounts {
  gmvCents: number;
  feeCents: number;
  refundCents: number;
  /** Fees minus refunded fees. */
  netRevenueCents: number;
  /** What operators keep: gross + refunds − net platform revenue. */
  operatorPayoutCents: number;
  paidBookings: number;
}

/** A slice of revenue (a country, a city, a currency, a space type, a facility, an operator). */
export interface RevenueSlice extends RevenueAmounts {
  key: string;
  label: string;
  /** The same amounts in the comparison period (reporting currency). */
  comparison: RevenueAmounts;
  /** GMV change in percent, one decimal; null when the comparison GMV is 0. */
  gmvChangePercent: number | null;
}

/** `GET /api/metrics/revenue`. Slices and series are in the reporting currency unless said otherwise. */
export interface RevenueMetrics {
  period: MetricsPeriod;
  fx: FxUsage;
  totals: RevenueAmounts;
  comparisonTotals: RevenueAmounts;
  /** Converted, one point per bucket. */
  series: (RevenueAmounts & { bucket: string })[];
  /** Per original currency, unconverted, one point per bucket (for the stacked chart). */
  seriesByCurrency: { currency: string; buckets: (RevenueAmounts & { bucket: string })[] }[];
  byCountry: RevenueSlice[];
  byCity: RevenueSlice[];
  /** Unconverted: each slice in its own currency (`key` is the currency). */
  byCurrency: RevenueSlice[];
  bySpaceType: RevenueSlice[];
  /** Top 10 by GMV. `label` is the facility's public name with its city. */
  topFacilities: RevenueSlice[];
  /** Top 10 by GMV. `label` is the operator's public display name. */
  topOperators: RevenueSlice[];
  generatedAt: string;
}

export const GROWTH_ROLES = ['driver', 'operator', 'investor', 'admin'] as const;

/** One step of the operator funnel. */
export interface FunnelStep {
  step: 'applied' | 'approved' | 'first_facility_published' | 'first_paid_booking';
  /** Operators who reached this step, of those who applied in the period. */
  operators: number;
  /** Share of the previous step, percent, one decimal (null for the first step or an empty previous one). */
  conversionPercent: number | null;
  /** Median days from the previous step, one decimal; null when none reached it. */
  medianDaysFromPrevious: number | null;
}

/** One cohort of the retention triangle: drivers by the month of their first paid booking. */
export interface DriverCohort {
  /** `YYYY-MM`. */
  month: string;
  drivers: number;
  /**
   * retention[k]: percent (one decimal) of the cohort with a paid booking in the k-th month after
   * its first (retention[0] is always 100); only months that have begun are present.
   */
  retention: number[];
}

/** `GET /api/metrics/growth`. */
export interface GrowthMetrics {
  period: MetricsPeriod;
  signups: {
    bucket: string;
    driver: number;
    operator: number;
    investor: number;
    admin: number;
  }[];
  signupTotals: Record<(typeof GROWTH_ROLES)[number], MetricFigure>;
  activeDrivers: { bucket: string; drivers: number; newDrivers: number; returningDrivers: number }[];
  activeDriverTotal: MetricFigure;
  /** Cohorts whose first month lies in the period (month granularity whatever was asked). */
  cohorts: DriverCohort[];
  operatorFunnel: FunnelStep[];
  /** Listed facilities and spaces at the end of each bucket. */
  supply: { bucket: string; facilities: number; spaces: number }[];
  supplyTotals: { facilities: MetricFigure; spaces: MetricFigure };
  generatedAt: string;
}

export const SPACE_TYPE_KEYS = ['standard', 'ev', 'accessible', 'oversize', 'motorcycle'] as const;

/** One city of the market analysis. Money in the reporting currency. */
export interface CityMarket {
  /** `country:city`, e.g. `DE:Berlin`. */
  key: string;
  city: string;
  countryCode: string;
  currency: string;
  latitude: number;
  longitude: number;
  /** The date of the city's first published facility. */
  launchedOn: string | null;
  facilities: number;
  spaces: number;
  spacesByType: Record<(typeof SPACE_TYPE_KEYS)[number], number>;
  paidBookings: number;
  bookedHours: number;
  occupancyPercent: number | null;
  gmvCents: number;
  comparisonGmvCents: number;
  /** GMV change against the comparison period, percent, one decimal; null when it had none. */
  growthPercent: number | null;
  /** 1 = fastest growing; cities with no comparison GMV come last. */
  growthRank: number;
  /** Hourly list price of the city's rates, minor units of the city's own currency. */
  averagePricePerHourCents: number | null;
  medianPricePerHourCents: number | null;
  /** Price spread: 10th and 90th percentile of the hourly list prices, own currency. */
  p10PricePerHourCents: number | null;
  p90PricePerHourCents: number | null;
  revPashCents: number | null;
  /** Operators' shares of the city's GMV, largest first, percent one decimal (top 5, then `Others`). */
  operatorShares: { operator: string; gmvCents: number; sharePercent: number }[];
}

/** `GET /api/metrics/market`. */
export interface MarketMetrics {
  period: MetricsPeriod;
  fx: FxUsage;
  cities: CityMarket[];
  /** Platform demand by local weekday (1 = Monday) and hour: booked space-hours and the share of the busiest cell. */
  demandHeatmap: { weekday: number; hour: number; bookedHours: number; intensityPercent: number }[];
  generatedAt: string;
}

/** `PUT /api/admin/fx-rates` (admin): add or correct dated reference rates. */
export interface FxRateInput {
  date: string;
  currency: string;
  unitsPerEur: number;
}
export interface PutFxRatesRequest {
  rates: FxRateInput[];
}
export interface FxRatesView {
  rates: FxRateInput[];
}

/** Reports: `POST /api/reports/export` answers the file itself. */
export const REPORT_TYPES = ['platform-overview', 'revenue', 'growth', 'market'] as const;
export type ReportType = (typeof REPORT_TYPES)[number];
export const REPORT_FORMATS = ['pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportExportRequest {
  type: ReportType;
  from: string;
  to: string;
  comparison?: MetricsComparison;
  granularity?: MetricsGranularity;
  format: ReportFormat;
}

/** `/api/reports/subscriptions`: the monthly report a user receives on the 1st of each month, in their time zone. */
export interface ReportSubscription {
  id: string;
  type: ReportType;
  /** IANA zone whose 1st of the month triggers the email. */
  timeZone: string;
  /** `previous_period` or `same_period_last_year`, for the last full month. */
  comparison: MetricsComparison;
  createdAt: string;
  /** The month (`YYYY-MM`) of the last report sent, null before the first. */
  lastSentMonth: string | null;
  nextSendAt: string;
}

export interface CreateReportSubscriptionRequest {
  type: ReportType;
  timeZone: string;
  comparison?: MetricsComparison;
}
