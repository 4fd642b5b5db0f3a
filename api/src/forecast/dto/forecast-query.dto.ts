import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, Matches } from 'class-validator';
import { FORECAST_BADGES_MAX_IDS, type FacilityForecastQuery, type ForecastBadgesQuery } from '@aiparksit/shared';

/** `GET /api/facilities/:id/forecast?start&end`: the same window rules as availability. */
export class FacilityForecastQueryDto implements FacilityForecastQuery {
  @ApiProperty({ format: 'date-time', example: '2027-03-29T08:00:00Z', description: 'Not more than 2 minutes ago (400, field code in_the_past).' })
  @IsISO8601({ strict: true })
  start: string;

  @ApiProperty({ format: 'date-time', example: '2027-03-29T12:00:00Z', description: 'After start, at most 30 days later.' })
  @IsISO8601({ strict: true })
  end: string;
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const ID_LIST = new RegExp(`^${UUID}(,${UUID}){0,${FORECAST_BADGES_MAX_IDS - 1}}$`);

/** `GET /api/proxy/forecast-badges?ids&start&end`: a result page's car parks and the searched window. */
export class ForecastBadgesQueryDto extends FacilityForecastQueryDto implements ForecastBadgesQuery {
  @ApiProperty({
    example: '6a1f0d1e-0000-4000-8000-000000000001,6a1f0d1e-0000-4000-8000-000000000002',
    description: `Comma list of 1 to ${FORECAST_BADGES_MAX_IDS} facility ids.`,
  })
  @Matches(ID_LIST, { message: `ids must be a comma list of 1 to ${FORECAST_BADGES_MAX_IDS} facility ids` })
  ids: string;
}
