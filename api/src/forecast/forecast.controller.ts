import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FacilityForecast, ForecastBadges } from '@aiparksit/shared';
import { AllowApiKey, CurrentPrincipal, type Principal } from '../access/index.js';
import { Public } from '../common/http/index.js';
import { HarvestProtected } from '../harvest/index.js';
import { FacilityForecastQueryDto, ForecastBadgesQueryDto } from './dto/forecast-query.dto.js';
import { FacilityForecastDto, ForecastBadgesDto } from './dto/forecast-views.dto.js';
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
      'Expected occupancy of the space type asked (standard by default) per hour of the local day the window starts on, whether the window is likely to fill up, and when it is usually full; `forecast` is null before the first fit.',
  })
  @ApiBadRequestResponse({ description: 'invalid_window (as for availability), or field errors.' })
  @ApiNotFoundResponse({ description: 'As for GET /api/facilities/:id.' })
  forecast(@CurrentPrincipal() principal: Principal | undefined, @Param('id') id: string, @Query() query: FacilityForecastQueryDto): Promise<FacilityForecast> {
    return this.forecasts.facilityForecast(principal, id, query);
  }
}

/**
 * The forecast badges of a result page, for the marketplace: one request for the page's car
 * parks after the search, so the search itself stays as it is. Guarded like a result page: each
 * car park answered counts as read.
 */
@ApiTags('forecast')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('proxy')
export class ForecastBadgesController {
  constructor(private readonly forecasts: ForecastService) {}

  @Public()
  @AllowApiKey('marketplace:read')
  @Get('forecast-badges')
  @HarvestProtected('marketplace-page')
  @ApiOkResponse({
    type: ForecastBadgesDto,
    description: 'Per listed car park with a forecast of the searched space type (standard by default): likely to fill up in the window, usually full by.',
  })
  @ApiBadRequestResponse({ description: 'ids is not a comma list of 1–50 facility ids; spaceType is not a space type; invalid_window as for availability.' })
  badges(@Query() query: ForecastBadgesQueryDto): Promise<ForecastBadges> {
    return this.forecasts.badges(query);
  }
}
