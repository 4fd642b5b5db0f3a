import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { OperatorFacilityForecast } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, Roles, type Principal } from '../access/index.js';
import { OperatorFacilityForecastDto } from './dto/forecast-views.dto.js';
import { ForecastService } from './forecast.service.js';

/** The operator's forecast band and 14-day outlook of one of its facilities (an admin's of any). */
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
      'Expected occupancy of the whole facility hour by hour for 14 local days from today, with a band, and per day; `forecast` is null before the first fit.',
  })
  @ApiNotFoundResponse({ description: 'facility_not_found: no such facility, or not yours.' })
  forecast(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<OperatorFacilityForecast> {
    return this.forecasts.operatorForecast(requireUser(principal), id);
  }
}
