import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { SPACE_TYPES, type FacilityAlternativesQuery, type SpaceType } from '@aiparksit/shared';
import { AvailabilityQueryDto } from './availability-query.dto.js';
import { RADIUS_DEFAULT_METERS, RADIUS_MAX_METERS } from './marketplace-query.dto.js';

export const ALTERNATIVES_LIMIT_DEFAULT = 3;
export const ALTERNATIVES_LIMIT_MAX = 10;

/** `GET /api/facilities/:id/alternatives`: the window (as for the facility's availability) and the type the driver wanted there. */
export class AlternativesQueryDto extends AvailabilityQueryDto implements FacilityAlternativesQuery {
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
