import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  METRICS_COMPARISONS,
  METRICS_GRANULARITIES,
  REPORT_FORMATS,
  REPORT_TYPES,
  type MetricsComparison,
  type MetricsGranularity,
  type ReportExportRequest,
  type ReportFormat,
  type ReportType,
} from '@aiparksit/shared';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ReportExportRequestDto implements ReportExportRequest {
  @ApiProperty({ enum: REPORT_TYPES }) @IsIn(REPORT_TYPES) type: ReportType;

  @ApiProperty({ example: '2026-01-01', description: 'First day (local date, included).' })
  @Matches(LOCAL_DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last day (local date, included).' })
  @Matches(LOCAL_DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  to: string;

  @ApiPropertyOptional({ enum: METRICS_COMPARISONS, default: 'previous_period' }) @IsOptional() @IsIn(METRICS_COMPARISONS) comparison?: MetricsComparison;

  @ApiPropertyOptional({ enum: METRICS_GRANULARITIES, description: 'Default: day up to 62 days, week up to 184, month beyond.' })
  @IsOptional()
  @IsIn(METRICS_GRANULARITIES)
  granularity?: MetricsGranularity;

  @ApiProperty({ enum: REPORT_FORMATS }) @IsIn(REPORT_FORMATS) format: ReportFormat;
}
