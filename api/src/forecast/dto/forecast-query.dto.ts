import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import type { FacilityForecastQuery } from '@aiparksit/shared';

/** `GET /api/facilities/:id/forecast?start&end`: the same window rules as availability. */
export class FacilityForecastQueryDto implements FacilityForecastQuery {
  @ApiProperty({ format: 'date-time', example: '2027-03-29T08:00:00Z', description: 'Not more than 2 minutes ago (400, field code in_the_past).' })
  @IsISO8601({ strict: true })
  start: string;

  @ApiProperty({ format: 'date-time', example: '2027-03-29T12:00:00Z', description: 'After start, at most 30 days later.' })
  @IsISO8601({ strict: true })
  end: string;
}
