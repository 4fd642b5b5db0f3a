import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  GROWTH_ROLES,
  METRIC_DEFINITIONS,
  METRICS_COMPARISONS,
  METRICS_GRANULARITIES,
  METRICS_PRESETS,
  SPACE_TYPE_KEYS,
  type CityMarket,
  type DriverCohort,
  type FunnelStep,
  type FxRatesView,
  type FxRateUsed,
  type MetricsPreset,
  type FxUsage,
  type GrowthMetrics,
  type InvestorOverview,
  type MarketMetrics,
  type MetricFigure,
  type MetricsComparison,
  type MetricsGranularity,
  type MetricsPeriod,
  type MetricUnit,
  type OverviewMetric,
  type RevenueAmounts,
  type RevenueMetrics,
  type RevenueSlice,
} from '@aiparksit/shared';
import { FxRateInputDto } from './fx-rates.dto.js';

// OpenAPI shapes of the metrics responses; each implements its shared contract type, so a change
// there fails the build here. Money (`…Cents`) and counts are integers; hours, percentages, rates
// and RevPASH carry decimals.

// The contract has these unions as types only; `satisfies Record<…>` makes the lists complete and exact.
const METRIC_UNITS = Object.keys({ money: 0, count: 0, hours: 0, percent: 0 } satisfies Record<MetricUnit, 0>);
const FUNNEL_STEPS = Object.keys({ applied: 0, approved: 0, first_facility_published: 0, first_paid_booking: 0 } satisfies Record<FunnelStep['step'], 0>);

// Element types the contract declares inline (a class can implement only a named type).
type GrowthRole = (typeof GROWTH_ROLES)[number];
type SpaceTypeKey = (typeof SPACE_TYPE_KEYS)[number];
type FigureInCurrency = NonNullable<MetricFigure['byCurrency']>[number];
type OverviewPoint = InvestorOverview['series'][number];
type RevenuePoint = RevenueMetrics['series'][number];
type CurrencyRevenueSeries = RevenueMetrics['seriesByCurrency'][number];
type SignupBucket = GrowthMetrics['signups'][number];
type ActiveDriversBucket = GrowthMetrics['activeDrivers'][number];
type SupplyBucket = GrowthMetrics['supply'][number];
type SupplyTotals = GrowthMetrics['supplyTotals'];
type OperatorShare = CityMarket['operatorShares'][number];
type DemandHeatmapCell = MarketMetrics['demandHeatmap'][number];

const BUCKET = 'Bucket label: the day (`YYYY-MM-DD`), the Monday of the week (`YYYY-MM-DD`) or the month (`YYYY-MM`).';

export class MetricsPeriodDto implements MetricsPeriod {
  @ApiProperty({ enum: METRICS_PRESETS, nullable: true, description: 'The preset asked for, or null for days given as from and to.' })
  preset: MetricsPreset | null;
  @ApiProperty({ format: 'date', example: '2026-01-01', description: 'First local date of the period (included).' }) from: string;
  @ApiProperty({ format: 'date', example: '2026-12-31', description: 'Last local date of the period (included).' }) to: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Days in the period, both ends included.' }) days: number;
  @ApiProperty({ enum: METRICS_COMPARISONS }) comparison: MetricsComparison;
  @ApiProperty({ format: 'date' }) comparisonFrom: string;
  @ApiProperty({ format: 'date' }) comparisonTo: string;
  @ApiProperty({ enum: METRICS_GRANULARITIES }) granularity: MetricsGranularity;
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA zone of the account figures’ days (REPORTING_TIME_ZONE).' }) reportingTimeZone: string;
}

export class FxRateUsedDto implements FxRateUsed {
  @ApiProperty({ example: 'CHF' }) currency: string;
  @ApiProperty({ format: 'date', description: 'The rate’s own date: the latest on or before the days converted with it.' }) date: string;
  @ApiProperty({ type: Number, example: 0.9372, description: 'Units of the currency for one euro (ECB convention).' }) unitsPerEur: number;
}

export class FxUsageDto implements FxUsage {
  @ApiProperty({ example: 'EUR' }) reportingCurrency: string;
  @ApiProperty({ type: [FxRateUsedDto], description: 'Every rate used, by currency then date; empty when everything was in the reporting currency.' })
  rates: FxRateUsedDto[];
  @ApiProperty({ type: String, isArray: true, description: 'Currencies with no rate on or before a day that needed one: left out of converted totals.' })
  missing: string[];
}

export class MetricFigureCurrencyDto implements FigureInCurrency {
  @ApiProperty({ example: 'CHF' }) currency: string;
  @ApiProperty({ type: 'integer', description: 'Minor units of that currency, period.' }) value: number;
  @ApiProperty({ type: 'integer', description: 'Minor units of that currency, comparison period.' }) comparison: number;
}

export class MetricFigureDto implements MetricFigure {
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'money: minor units of the reporting currency (whole, but revPash has two decimals); percent: 12.5 means 12.5 %; null when undefined (e.g. a rate of 0 bookings).',
  })
  value: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'The value in the comparison period.' }) comparison: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'value − comparison (percentage points for percent); null when either is null.' })
  change: number | null;
  @ApiProperty({ type: Number, nullable: true, description: '(value − comparison) / |comparison| × 100, one decimal; null when the comparison is 0 or null.' })
  changePercent: number | null;
  @ApiProperty({ enum: METRIC_UNITS }) unit: MetricUnit;
  @ApiPropertyOptional({ example: 'EUR', description: 'money only: the reporting currency.' }) currency?: string;
  @ApiPropertyOptional({ type: [MetricFigureCurrencyDto], description: 'money only: the figure in each original currency, unconverted.' })
  byCurrency?: MetricFigureCurrencyDto[];
}

const figure = (metric: OverviewMetric) =>
  ApiProperty({ type: MetricFigureDto, description: `${METRIC_DEFINITIONS[metric].label}: ${METRIC_DEFINITIONS[metric].definition}` });

/** `figures` of the overview: one property per key of OVERVIEW_METRICS. */
export class OverviewFiguresDto implements Record<OverviewMetric, MetricFigureDto> {
  @figure('gmv') gmv: MetricFigureDto;
  @figure('netRevenue') netRevenue: MetricFigureDto;
  @figure('takeRate') takeRate: MetricFigureDto;
  @figure('paidBookings') paidBookings: MetricFigureDto;
  @figure('bookedHours') bookedHours: MetricFigureDto;
  @figure('averageBookingValue') averageBookingValue: MetricFigureDto;
  @figure('cancellationRate') cancellationRate: MetricFigureDto;
  @figure('refundRate') refundRate: MetricFigureDto;
  @figure('activeDrivers') activeDrivers: MetricFigureDto;
  @figure('newDrivers') newDrivers: MetricFigureDto;
  @figure('activeOperators') activeOperators: MetricFigureDto;
  @figure('listedFacilities') listedFacilities: MetricFigureDto;
  @figure('listedSpaces') listedSpaces: MetricFigureDto;
  @figure('occupancy') occupancy: MetricFigureDto;
  @figure('revPash') revPash: MetricFigureDto;
}

export class OverviewPointDto implements OverviewPoint {
  @ApiProperty({ description: BUCKET }) bucket: string;
  @ApiProperty({ type: 'integer', description: 'Reporting currency, minor units.' }) gmvCents: number;
  @ApiProperty({ type: 'integer', description: 'Reporting currency, minor units.' }) netRevenueCents: number;
  @ApiProperty({ type: 'integer' }) paidBookings: number;
  @ApiProperty({ type: 'integer' }) activeDrivers: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent; null when no space was open.' }) occupancyPercent: number | null;
}

export class InvestorOverviewDto implements InvestorOverview {
  @ApiProperty({ type: MetricsPeriodDto }) period: MetricsPeriodDto;
  @ApiProperty({ type: FxUsageDto }) fx: FxUsageDto;
  @ApiProperty({ type: OverviewFiguresDto }) figures: OverviewFiguresDto;
  @ApiProperty({ type: [OverviewPointDto], description: 'One point per bucket, for sparklines.' }) series: OverviewPointDto[];
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
}

export class RevenueAmountsDto implements RevenueAmounts {
  @ApiProperty({ type: 'integer', description: 'Charged to drivers (bookings and extensions), before refunds.' }) gmvCents: number;
  @ApiProperty({ type: 'integer', description: 'Platform fees charged.' }) feeCents: number;
  @ApiProperty({ type: 'integer', description: 'Refunds, negative.' }) refundCents: number;
  @ApiProperty({ type: 'integer', description: 'Fees minus refunded fees.' }) netRevenueCents: number;
  @ApiProperty({ type: 'integer', description: 'gross + refunds − net platform revenue.' }) operatorPayoutCents: number;
  @ApiProperty({ type: 'integer' }) paidBookings: number;
}

export class RevenueAmountsBucketDto extends RevenueAmountsDto implements RevenuePoint {
  @ApiProperty({ description: BUCKET }) bucket: string;
}

export class CurrencyRevenueSeriesDto implements CurrencyRevenueSeries {
  @ApiProperty({ example: 'CHF' }) currency: string;
  @ApiProperty({ type: [RevenueAmountsBucketDto], description: 'Unconverted, minor units of that currency.' }) buckets: RevenueAmountsBucketDto[];
}

export class RevenueSliceDto extends RevenueAmountsDto implements RevenueSlice {
  @ApiProperty({ description: 'Country code, `country:city`, currency, space type, facility or operator id.' }) key: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: RevenueAmountsDto, description: 'The same amounts in the comparison period.' }) comparison: RevenueAmountsDto;
  @ApiProperty({ type: Number, nullable: true, description: 'GMV change, percent, one decimal; null when the comparison GMV is 0.' }) gmvChangePercent:
    number | null;
}

export class RevenueMetricsDto implements RevenueMetrics {
  @ApiProperty({ type: MetricsPeriodDto }) period: MetricsPeriodDto;
  @ApiProperty({ type: FxUsageDto }) fx: FxUsageDto;
  @ApiProperty({ type: RevenueAmountsDto }) totals: RevenueAmountsDto;
  @ApiProperty({ type: RevenueAmountsDto }) comparisonTotals: RevenueAmountsDto;
  @ApiProperty({ type: [RevenueAmountsBucketDto], description: 'Converted, one point per bucket.' }) series: RevenueAmountsBucketDto[];
  @ApiProperty({ type: [CurrencyRevenueSeriesDto], description: 'Per original currency, unconverted.' }) seriesByCurrency: CurrencyRevenueSeriesDto[];
  @ApiProperty({ type: [RevenueSliceDto] }) byCountry: RevenueSliceDto[];
  @ApiProperty({ type: [RevenueSliceDto], description: '`key` is `country:city`.' }) byCity: RevenueSliceDto[];
  @ApiProperty({ type: [RevenueSliceDto], description: 'Unconverted: each slice in its own currency (`key` is the currency).' }) byCurrency: RevenueSliceDto[];
  @ApiProperty({ type: [RevenueSliceDto] }) bySpaceType: RevenueSliceDto[];
  @ApiProperty({ type: [RevenueSliceDto], description: 'Top 10 by GMV; `label` is the public name with the city.' }) topFacilities: RevenueSliceDto[];
  @ApiProperty({ type: [RevenueSliceDto], description: 'Top 10 by GMV; `label` is the public display name.' }) topOperators: RevenueSliceDto[];
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
}

export class SignupBucketDto implements SignupBucket {
  @ApiProperty({ description: BUCKET }) bucket: string;
  @ApiProperty({ type: 'integer' }) driver: number;
  @ApiProperty({ type: 'integer' }) operator: number;
  @ApiProperty({ type: 'integer' }) investor: number;
  @ApiProperty({ type: 'integer' }) admin: number;
}

/** `signupTotals`: one property per role of GROWTH_ROLES. */
export class SignupTotalsDto implements Record<GrowthRole, MetricFigureDto> {
  @ApiProperty({ type: MetricFigureDto }) driver: MetricFigureDto;
  @ApiProperty({ type: MetricFigureDto }) operator: MetricFigureDto;
  @ApiProperty({ type: MetricFigureDto }) investor: MetricFigureDto;
  @ApiProperty({ type: MetricFigureDto }) admin: MetricFigureDto;
}

export class ActiveDriversBucketDto implements ActiveDriversBucket {
  @ApiProperty({ description: BUCKET }) bucket: string;
  @ApiProperty({ type: 'integer', description: 'Drivers with a paid booking in the bucket.' }) drivers: number;
  @ApiProperty({ type: 'integer', description: 'Of them, first paid booking ever.' }) newDrivers: number;
  @ApiProperty({ type: 'integer' }) returningDrivers: number;
}

export class DriverCohortDto implements DriverCohort {
  @ApiProperty({ example: '2026-03', description: 'Month (`YYYY-MM`) of the drivers’ first paid booking.' }) month: string;
  @ApiProperty({ type: 'integer' }) drivers: number;
  @ApiProperty({
    type: Number,
    isArray: true,
    description: 'retention[k]: percent (one decimal) with a paid booking k months after the first (retention[0] is 100); only months begun.',
  })
  retention: number[];
}

export class FunnelStepDto implements FunnelStep {
  @ApiProperty({ enum: FUNNEL_STEPS }) step: FunnelStep['step'];
  @ApiProperty({ type: 'integer', description: 'Operators who applied in the period and reached this step.' }) operators: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of the previous step, percent, one decimal; null for the first or after an empty one.' })
  conversionPercent: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Median days from the previous step, one decimal; null when none reached it.' })
  medianDaysFromPrevious: number | null;
}

export class SupplyBucketDto implements SupplyBucket {
  @ApiProperty({ description: BUCKET }) bucket: string;
  @ApiProperty({ type: 'integer', description: 'Listed at the end of the bucket.' }) facilities: number;
  @ApiProperty({ type: 'integer', description: 'Listed at the end of the bucket.' }) spaces: number;
}

export class SupplyTotalsDto implements SupplyTotals {
  @ApiProperty({ type: MetricFigureDto }) facilities: MetricFigureDto;
  @ApiProperty({ type: MetricFigureDto }) spaces: MetricFigureDto;
}

export class GrowthMetricsDto implements GrowthMetrics {
  @ApiProperty({ type: MetricsPeriodDto }) period: MetricsPeriodDto;
  @ApiProperty({ type: [SignupBucketDto] }) signups: SignupBucketDto[];
  @ApiProperty({ type: SignupTotalsDto }) signupTotals: SignupTotalsDto;
  @ApiProperty({ type: [ActiveDriversBucketDto] }) activeDrivers: ActiveDriversBucketDto[];
  @ApiProperty({ type: MetricFigureDto }) activeDriverTotal: MetricFigureDto;
  @ApiProperty({ type: [DriverCohortDto], description: 'Cohorts whose first month lies in the period (by month whatever the granularity).' })
  cohorts: DriverCohortDto[];
  @ApiProperty({ type: [FunnelStepDto], description: 'applied → approved → first facility published → first paid booking.' }) operatorFunnel: FunnelStepDto[];
  @ApiProperty({ type: [SupplyBucketDto] }) supply: SupplyBucketDto[];
  @ApiProperty({ type: SupplyTotalsDto }) supplyTotals: SupplyTotalsDto;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
}

/** `spacesByType`: one property per key of SPACE_TYPE_KEYS. */
export class SpacesByTypeDto implements Record<SpaceTypeKey, number> {
  @ApiProperty({ type: 'integer' }) standard: number;
  @ApiProperty({ type: 'integer' }) ev: number;
  @ApiProperty({ type: 'integer' }) accessible: number;
  @ApiProperty({ type: 'integer' }) oversize: number;
  @ApiProperty({ type: 'integer' }) motorcycle: number;
}

export class OperatorShareDto implements OperatorShare {
  @ApiProperty({ description: 'Public display name, or `Others` for the operators after the top 5.' }) operator: string;
  @ApiProperty({ type: 'integer', description: 'Reporting currency, minor units.' }) gmvCents: number;
  @ApiProperty({ type: Number, description: 'Percent of the city’s GMV, one decimal.' }) sharePercent: number;
}

export class CityMarketDto implements CityMarket {
  @ApiProperty({ example: 'DE:Berlin', description: '`country:city`.' }) key: string;
  @ApiProperty({ example: 'Berlin' }) city: string;
  @ApiProperty({ example: 'DE' }) countryCode: string;
  @ApiProperty({ example: 'EUR', description: 'The city’s own currency (of the price figures).' }) currency: string;
  @ApiProperty({ type: Number }) latitude: number;
  @ApiProperty({ type: Number }) longitude: number;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'Date of the city’s first published facility.' }) launchedOn: string | null;
  @ApiProperty({ type: 'integer', description: 'Listed at the end of the period.' }) facilities: number;
  @ApiProperty({ type: 'integer', description: 'Listed at the end of the period.' }) spaces: number;
  @ApiProperty({ type: SpacesByTypeDto }) spacesByType: SpacesByTypeDto;
  @ApiProperty({ type: 'integer' }) paidBookings: number;
  @ApiProperty({ type: Number, description: 'Space-hours, two decimals.' }) bookedHours: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Percent; null when no space was open.' }) occupancyPercent: number | null;
  @ApiProperty({ type: 'integer', description: 'Reporting currency, minor units.' }) gmvCents: number;
  @ApiProperty({ type: 'integer', description: 'Reporting currency, minor units.' }) comparisonGmvCents: number;
  @ApiProperty({ type: Number, nullable: true, description: 'GMV change, percent, one decimal; null when the comparison GMV is 0.' }) growthPercent:
    number | null;
  @ApiProperty({ type: 'integer', minimum: 1, description: '1 = fastest growing; cities with no comparison GMV come last.' }) growthRank: number;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Hourly list price, minor units of the city’s own currency.' })
  averagePricePerHourCents: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'Own currency.' }) medianPricePerHourCents: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '10th percentile of the hourly list prices, own currency.' }) p10PricePerHourCents:
    number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: '90th percentile of the hourly list prices, own currency.' }) p90PricePerHourCents:
    number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'GMV per open space-hour, reporting currency minor units, two decimals; null when nothing was open.',
  })
  revPashCents: number | null;
  @ApiProperty({ type: [OperatorShareDto], description: 'Largest first: top 5, then `Others`.' }) operatorShares: OperatorShareDto[];
}

export class DemandHeatmapCellDto implements DemandHeatmapCell {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 7, description: 'Local weekday, 1 = Monday.' }) weekday: number;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 23, description: 'Local hour.' }) hour: number;
  @ApiProperty({ type: Number, description: 'Booked space-hours, two decimals.' }) bookedHours: number;
  @ApiProperty({ type: Number, minimum: 0, maximum: 100, description: 'Share of the busiest cell, percent, one decimal.' }) intensityPercent: number;
}

export class MarketMetricsDto implements MarketMetrics {
  @ApiProperty({ type: MetricsPeriodDto }) period: MetricsPeriodDto;
  @ApiProperty({ type: FxUsageDto }) fx: FxUsageDto;
  @ApiProperty({ type: [CityMarketDto] }) cities: CityMarketDto[];
  @ApiProperty({ type: [DemandHeatmapCellDto], description: '7 × 24 cells, Monday 00:00 first.' }) demandHeatmap: DemandHeatmapCellDto[];
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
}

export class FxRatesViewDto implements FxRatesView {
  @ApiProperty({ type: [FxRateInputDto], description: 'Every dated reference rate, by currency then date.' }) rates: FxRateInputDto[];
}
