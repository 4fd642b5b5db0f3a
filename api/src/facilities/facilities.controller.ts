import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FacilityAvailability, FacilityDetail } from '@aiparksit/shared';
import { AllowApiKey, CurrentPrincipal, type Principal } from '../access/index.js';
import { Public } from '../common/http/index.js';
import { HarvestProtected } from '../harvest/index.js';
import { AvailabilityQueryDto } from './dto/availability-query.dto.js';
import { FacilityAvailabilityDto, FacilityDetailDto } from './dto/facility-views.dto.js';
import { FacilitiesService } from './facilities.service.js';

@ApiTags('facilities')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('facilities')
export class FacilitiesController {
  constructor(private readonly facilities: FacilitiesService) {}

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
}
