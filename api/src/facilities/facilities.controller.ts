import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FacilityAlternatives, FacilityAvailability, FacilityDetail } from '@aiparksit/shared';
import { AllowApiKey, CurrentPrincipal, type Principal } from '../access/index.js';
import { Public } from '../common/http/index.js';
import { HarvestProtected } from '../harvest/index.js';
import { AlternativesService } from './alternatives.service.js';
import { AlternativesQueryDto } from './dto/alternatives-query.dto.js';
import { AvailabilityQueryDto } from './dto/availability-query.dto.js';
import { FacilityAlternativesDto, FacilityAvailabilityDto, FacilityDetailDto } from './dto/facility-views.dto.js';
import { FacilitiesService } from './facilities.service.js';

@ApiTags('facilities')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('facilities')
export class FacilitiesController {
  constructor(
    private readonly facilities: FacilitiesService,
    private readonly alternativesNearby: AlternativesService,
  ) {}

  @Public()
  @AllowApiKey('marketplace:read')
  @Get(':id')
  @HarvestProtected('facility')
  @ApiOkResponse({ type: FacilityDetailDto })
  @ApiNotFoundResponse({ description: 'Unknown, unpublished (to others than its operator) or not listed.' })
  detail(@CurrentPrincipal() principal: Principal | undefined, @Param('id') id: string): Promise<FacilityDetail> {
    return this.facilities.detail(principal, id);
  }

  @Public()
  @AllowApiKey('marketplace:read')
  @Get(':id/availability')
  @HarvestProtected('facility')
  @ApiOkResponse({ type: FacilityAvailabilityDto })
  @ApiNotFoundResponse({ description: 'As for GET /api/facilities/:id.' })
  availability(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id') id: string,
    @Query() query: AvailabilityQueryDto,
  ): Promise<FacilityAvailability> {
    return this.facilities.availability(principal, id, query);
  }

  // Guarded like a result page: each facility offered counts as read, as in a search.
  @Public()
  @AllowApiKey('marketplace:read')
  @Get(':id/alternatives')
  @HarvestProtected('marketplace-page')
  @ApiOkResponse({
    type: FacilityAlternativesDto,
    description: 'The nearest facilities with a space of the type free for the whole window, with their price and the difference to this one.',
  })
  @ApiBadRequestResponse({ description: 'A window that is not whole or starts in the past; radius or limit out of range.' })
  @ApiNotFoundResponse({ description: 'As for GET /api/facilities/:id.' })
  alternatives(
    @CurrentPrincipal() principal: Principal | undefined,
    @Param('id') id: string,
    @Query() query: AlternativesQueryDto,
  ): Promise<FacilityAlternatives> {
    return this.alternativesNearby.forFacility(principal, id, query);
  }
}
