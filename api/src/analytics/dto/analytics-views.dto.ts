import { ApiProperty } from '@nestjs/swagger';
import {
  ANALYTICS_GRANULARITIES,
  type AnalyticsGranularity,
  type AnalyticsScope,
  type OccupancyBucket,
  type OccupancyHeatmapCell,
  type OccupancyReport,
  type RevenueBucket,
  type RevenueReport,
  type RevenueSeries,
} from '@aiparksit/shared';

// OpenAPI shapes of the analytics responses; each implements its shared contract type.

class AnalyticsScopeDto implements AnalyticsScope {
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'null for a portfolio.' }) facilityId: string | null;
  @ApiProperty({ description: 'Facilities summed.' }) facilityCount: number;
  @ApiProperty({ enum: ANALYTICS_GRANULARITIES }) granularity: AnalyticsGranularity;
  @ApiProperty({ type: String, nullable: true, description: 'Zone of the bucket labels; null when the facilities’ zones differ (each uses its own).' })
  timeZone: string | null;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
}

class RevenueTotalsDto implements Omit<RevenueBucket, 'bucket'> {
  @ApiProperty({ description: 'Charges: bookings and extensions.' }) grossCents: number;
  @ApiProperty({ description: 'Refunds, negative.' }) refundCents: number;
  @ApiProperty({ description: 'Platform fees after refunded fees.' }) feeCents: number;
  @ApiProperty({ description: 'gross + refunds − fees.' }) netCents: number;
  @ApiProperty({ description: 'Bookings paid (extensions not counted again).' }) bookings: number;
}

export class RevenueBucketDto extends RevenueTotalsDto implements RevenueBucket {
  @ApiProperty({ example: '2026-03-01T00:00', description: 'Local wall-clock start of the bucket.' }) bucket: string;
}

export class RevenueSeriesDto implements RevenueSeries {
  @ApiProperty({ example: 'EUR' }) currency: string;
  @ApiProperty({ type: RevenueTotalsDto }) totals: RevenueTotalsDto;
  @ApiProperty({ type: [RevenueBucketDto], description: 'Every bucket of the range, zeros included, in order.' }) buckets: RevenueBucketDto[];
}

export class RevenueReportDto extends AnalyticsScopeDto implements RevenueReport {
  @ApiProperty({ type: [RevenueSeriesDto], description: 'One series per currency.' }) series: RevenueSeriesDto[];
}

class OccupancyFiguresDto {
  @ApiProperty({ description: 'Space-minutes of confirmed and completed bookings.' }) bookedSpaceMinutes: number;
  @ApiProperty({ description: 'Space-minutes the active spaces were open.' }) availableSpaceMinutes: number;
  @ApiProperty({ type: Number, nullable: true, description: 'booked / available × 100, one decimal; null when nothing was open.' }) percent: number | null;
}

export class OccupancyBucketDto extends OccupancyFiguresDto implements OccupancyBucket {
  @ApiProperty({ example: '2026-03-01T00:00' }) bucket: string;
}

export class OccupancyHeatmapCellDto extends OccupancyFiguresDto implements OccupancyHeatmapCell {
  @ApiProperty({ minimum: 1, maximum: 7, description: '1 = Monday … 7 = Sunday.' }) weekday: number;
  @ApiProperty({ minimum: 0, maximum: 23 }) hour: number;
}

export class OccupancyReportDto extends AnalyticsScopeDto implements OccupancyReport {
  @ApiProperty({ type: OccupancyFiguresDto }) totals: OccupancyFiguresDto;
  @ApiProperty({ type: [OccupancyBucketDto] }) buckets: OccupancyBucketDto[];
  @ApiProperty({ type: [OccupancyHeatmapCellDto], description: '7 × 24 cells in local time, Monday 00:00 first.' }) heatmap: OccupancyHeatmapCellDto[];
}
