import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, Matches } from 'class-validator';
import {
  FORECAST_BADGES_MAX_IDS,
  SPACE_TYPES,
  type FacilityForecastQuery,
  type ForecastBadgesQuery,
  type OperatorForecastQuery,
  type SpaceType,
} from '@aiparksit/shared';

/** `GET /api/facilities/:id/forecast?start&end&spaceType`: the same window rules as availability. */
export class FacilityForecastQueryDto implements FacilityForecastQuery {
  @ApiProperty({ format: 'date-time', example: '2027-03-29T08:00:00Z', description: 'Not more than 2 minutes ago (400, field code in_the_past).' })
  @IsISO8601({ strict: true })
  start: string;

  @ApiProperty({ format: 'date-time', example: '2027-03-29T12:00:00Z', description: 'After start, at most 30 days later.' })
  @IsISO8601({ strict: true })
  end: string;

  @ApiPropertyOptional({ enum: SPACE_TYPES, default: 'standard', description: 'The space type forecast (as for availability).' })
  @IsOptional()
  @IsIn(SPACE_TYPES)
  spaceType?: SpaceType;
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const ID_LIST = new RegExp(`^${UUID}(,${UUID}){0,${FORECAST_BADGES_MAX_IDS - 1}}$`);

/** `GET /api/proxy/forecast-badges?ids&start&end&spaceType`: a result page's car parks, the searched window and type. */
export class ForecastBadgesQueryDto extends FacilityForecastQueryDto implements ForecastBadgesQuery {
  @ApiProperty({
    example: '6a1f0d1e-0000-4000-8000-000000000001,6a1f0d1e-0000-4000-8000-000000000002',
    description: `Comma list of 1 to ${FORECAST_BADGES_MAX_IDS} facility ids.`,
  })
  @Matches(ID_LIST, { message: `ids must be a comma list of 1 to ${FORECAST_BADGES_MAX_IDS} facility ids` })
  ids: string;
}

/** `GET /api/operator/facilities/:id/forecast?spaceType`. */
export class OperatorForecastQueryDto implements OperatorForecastQuery {
  @ApiPropertyOptional({ enum: SPACE_TYPES, description: 'One space type; omitted: the whole facility, all types together.' })
  @IsOptional()
  @IsIn(SPACE_TYPES)
  spaceType?: SpaceType;
}
