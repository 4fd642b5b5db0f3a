import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { ANALYTICS_GRANULARITIES, METRICS_PRESETS, type AnalyticsGranularity, type AnalyticsQuery, type MetricsPreset } from '@aiparksit/shared';

// A local date, a local date-time, or an instant with Z or an offset.
const WHEN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const WHEN_MESSAGE = 'must be a date (2026-03-01), a local time (2026-03-01T06:00) or an instant (2026-03-01T05:00:00Z)';

export class AnalyticsQueryDto implements AnalyticsQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Without it: your whole portfolio.' }) @IsOptional() @IsUUID() facilityId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Admins and investors: an operator’s portfolio.' }) @IsOptional() @IsUUID() operatorId?: string;

  @ApiPropertyOptional({
    enum: METRICS_PRESETS,
    description:
      'A named period ending today on each facility’s own calendar: 30d = today and the 29 days before; 3m / 12m = this month so far and the 2 / 11 months before; ytd = since 1 January. Not together with from and to.',
  })
  @IsOptional()
  @IsIn(METRICS_PRESETS)
  preset?: MetricsPreset;

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'Start (inclusive). Without an offset it is local to each facility. With to, unless a preset is given.',
  })
  @IsOptional()
  @Matches(WHEN, { message: `from ${WHEN_MESSAGE}` })
  from?: string;

  @ApiPropertyOptional({ example: '2027-01-01', description: 'End (exclusive). With from, unless a preset is given.' })
  @IsOptional()
  @Matches(WHEN, { message: `to ${WHEN_MESSAGE}` })
  to?: string;

  @ApiPropertyOptional({ enum: ANALYTICS_GRANULARITIES, default: 'day' }) @IsOptional() @IsIn(ANALYTICS_GRANULARITIES) granularity: AnalyticsGranularity =
    'day';
}
