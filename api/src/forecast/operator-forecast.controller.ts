import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OperatorFacilityForecast } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, Roles, type Principal } from '../access/index.js';
import { OperatorForecastQueryDto } from './dto/forecast-query.dto.js';
import { OperatorFacilityForecastDto } from './dto/forecast-views.dto.js';
import { ForecastService } from './forecast.service.js';

/** The operator's forecast band and 14-day outlook of one of its facilities (an admin's of any), per space type or all together. */
@ApiTags('forecast')
@ApiBearerAuth()
@Roles('operator', 'admin')
@Controller('operator/facilities')
export class OperatorForecastController {
  constructor(private readonly forecasts: ForecastService) {}

  @Get(':id/forecast')
  @ApiOkResponse({
    type: OperatorFacilityForecastDto,
    description:
      'Expected occupancy of one space type, or of the whole facility (spaceType omitted), hour by hour for 14 local days from today, with a band, and per day; `forecast` is null before the first fit.',
  })
  @ApiBadRequestResponse({ description: 'spaceType is not a space type.' })
  @ApiNotFoundResponse({ description: 'facility_not_found: no such facility, or not yours.' })
  forecast(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Query() query: OperatorForecastQueryDto): Promise<OperatorFacilityForecast> {
    return this.forecasts.operatorForecast(requireUser(principal), id, query);
  }
}
