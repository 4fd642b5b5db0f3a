import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { METRICS_COMPARISONS, METRICS_GRANULARITIES, type MetricsComparison, type MetricsGranularity, type MetricsQuery } from '@aiparksit/shared';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A period of local dates; whether they are real dates, in order and not too far apart is checked by the service. */
export class MetricsQueryDto implements MetricsQuery {
  @ApiProperty({ example: '2026-01-01', description: 'First local date of the period (included).' })
  @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from: string;

  @ApiProperty({ example: '2026-12-31', description: 'Last local date of the period (included).' })
  @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  to: string;

  @ApiPropertyOptional({ enum: METRICS_COMPARISONS, default: 'previous_period' })
  @IsOptional()
  @IsIn(METRICS_COMPARISONS)
  comparison?: MetricsComparison;

  @ApiPropertyOptional({ enum: METRICS_GRANULARITIES, description: 'Default: day up to 62 days, week up to 184, month beyond.' })
  @IsOptional()
  @IsIn(METRICS_GRANULARITIES)
  granularity?: MetricsGranularity;
}
