import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import type { FacilityAvailabilityQuery } from '@aiparksit/shared';

/** `GET /api/facilities/:id/availability?start&end`. */
export class AvailabilityQueryDto implements FacilityAvailabilityQuery {
  @ApiProperty({ format: 'date-time', example: '2027-03-29T08:00:00Z', description: 'Not more than 2 minutes ago (400, field code in_the_past).' })
  @IsISO8601({ strict: true })
  start: string;

  @ApiProperty({ format: 'date-time', example: '2027-03-29T12:00:00Z' })
  @IsISO8601({ strict: true })
  end: string;
}
