import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import {
  METRICS_COMPARISONS,
  METRICS_GRANULARITIES,
  METRICS_PRESETS,
  type MetricsComparison,
  type MetricsGranularity,
  type MetricsPreset,
  type MetricsQuery,
} from '@aiparksit/shared';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A period: a preset, or local dates. Whether exactly one of the two is given, and whether the
 * dates are real, in order and not too far apart, is checked by the service.
 */
export class MetricsQueryDto implements MetricsQuery {
  @ApiPropertyOptional({
    enum: METRICS_PRESETS,
    description:
      'A named period ending today on the platform’s calendar (REPORTING_TIME_ZONE): 30d = today and the 29 days before; 3m / 12m = this month so far and the 2 / 11 months before; ytd = since 1 January. Not together with from and to.',
  })
  @IsOptional()
  @IsIn(METRICS_PRESETS)
  preset?: MetricsPreset;

  @ApiPropertyOptional({ example: '2026-01-01', description: 'First local date of the period (included); with to, unless a preset is given.' })
  @IsOptional()
  @Matches(DATE, { message: 'from must be a date (YYYY-MM-DD)' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last local date of the period (included); with from, unless a preset is given.' })
  @IsOptional()
  @Matches(DATE, { message: 'to must be a date (YYYY-MM-DD)' })
  to?: string;

  @ApiPropertyOptional({ enum: METRICS_COMPARISONS, default: 'previous_period' })
  @IsOptional()
  @IsIn(METRICS_COMPARISONS)
  comparison?: MetricsComparison;

  @ApiPropertyOptional({ enum: METRICS_GRANULARITIES, description: 'Default: day up to 62 days, week up to 184, month beyond.' })
  @IsOptional()
  @IsIn(METRICS_GRANULARITIES)
  granularity?: MetricsGranularity;
}
