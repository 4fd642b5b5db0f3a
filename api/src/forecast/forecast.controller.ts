import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FacilityForecast } from '@aiparksit/shared';
import { AllowApiKey, CurrentPrincipal, type Principal } from '../access/index.js';
import { Public } from '../common/http/index.js';
import { HarvestProtected } from '../harvest/index.js';
import { FacilityForecastQueryDto } from './dto/forecast-query.dto.js';
import { FacilityForecastDto } from './dto/forecast-views.dto.js';
import { ForecastService } from './forecast.service.js';

/** The driver's forecast on the facility page and results: public, read like the facility itself. */
@ApiTags('forecast')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('facilities')
export class ForecastController {
  constructor(private readonly forecasts: ForecastService) {}

  @Public()
  @AllowApiKey('marketplace:read')
  @Get(':id/forecast')
  @HarvestProtected('facility')
  @ApiOkResponse({
    type: FacilityForecastDto,
    description:
      'Expected occupancy of the whole facility (all space types) per hour of the local day the window starts on, whether the window is likely to fill up, and when it is usually full; `forecast` is null before the first fit.',
  })
  @ApiBadRequestResponse({ description: 'invalid_window (as for availability), or field errors.' })
  @ApiNotFoundResponse({ description: 'As for GET /api/facilities/:id.' })
  forecast(@CurrentPrincipal() principal: Principal | undefined, @Param('id') id: string, @Query() query: FacilityForecastQueryDto): Promise<FacilityForecast> {
    return this.forecasts.facilityForecast(principal, id, query);
  }
}
