import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { SPACE_TYPES, type FacilityAlternativesQuery, type SpaceType } from '@aiparksit/shared';
import { RADIUS_DEFAULT_METERS, RADIUS_MAX_METERS } from './marketplace-query.dto.js';

export const ALTERNATIVES_LIMIT_DEFAULT = 3;
export const ALTERNATIVES_LIMIT_MAX = 10;

/** `GET /api/facilities/:id/alternatives`: the window and type the driver wanted at the facility. */
export class AlternativesQueryDto implements FacilityAlternativesQuery {
  @ApiProperty({ format: 'date-time', example: '2027-03-29T08:00:00Z', description: 'Not more than 2 minutes ago (400, field code in_the_past).' })
  @IsISO8601({ strict: true })
  start: string;

  @ApiProperty({ format: 'date-time', example: '2027-03-29T12:00:00Z' })
  @IsISO8601({ strict: true })
  end: string;

  @ApiPropertyOptional({ enum: SPACE_TYPES, default: 'standard' })
  @IsOptional()
  @IsIn(SPACE_TYPES)
  spaceType?: SpaceType;

  @ApiPropertyOptional({ default: RADIUS_DEFAULT_METERS, minimum: 1, maximum: RADIUS_MAX_METERS, description: 'Metres around the facility.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(RADIUS_MAX_METERS)
  radius?: number;

  @ApiPropertyOptional({ default: ALTERNATIVES_LIMIT_DEFAULT, minimum: 1, maximum: ALTERNATIVES_LIMIT_MAX, description: 'At most this many, nearest first.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(ALTERNATIVES_LIMIT_MAX)
  limit?: number;
}
