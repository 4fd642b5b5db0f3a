import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { BlackoutCreated, BlackoutList, BulkSpaceChangeResult, ManagedFacility, ManagedSpaceList } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, Roles, type Principal } from '../access/index.js';
import { CreateBlackoutDto } from './dto/blackout-requests.dto.js';
import { BulkSpaceChangeDto, CreateFacilityDto, ReplaceRatesDto, SpaceCountsDto, UpdateFacilityDto } from './dto/facility-requests.dto.js';
import { BlackoutCreatedDto, BlackoutListDto, BulkSpaceChangeResultDto, ManagedFacilityDto, ManagedSpaceListDto } from './dto/facility-management-views.dto.js';
import { FacilityManagementService } from './facility-management.service.js';

const NOT_YOURS = 'No such facility, or not one of yours.';

/** The write side of facilities, for their operator's owner and admins. */
@ApiTags('facility management')
@ApiBearerAuth()
@Roles('operator', 'admin')
@Controller('facilities')
export class FacilityManagementController {
  constructor(private readonly facilities: FacilityManagementService) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: ManagedFacilityDto, description: 'Created unpublished unless `published` is true; the slug comes from name and city.' })
  @ApiBadRequestResponse({ description: 'details.fields names each invalid field.' })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreateFacilityDto): Promise<ManagedFacility> {
    return this.facilities.create(requireUser(principal), body);
  }

  @Get(':id/manage')
  @ApiOkResponse({ type: ManagedFacilityDto, description: 'The operator view: published flag, listing state, inactive spaces.' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  get(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<ManagedFacility> {
    return this.facilities.get(requireUser(principal), id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ManagedFacilityDto })
  @ApiBadRequestResponse({ description: 'details.fields names each invalid field.' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  update(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: UpdateFacilityDto): Promise<ManagedFacility> {
    return this.facilities.update(requireUser(principal), id, body);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedFacilityDto, description: 'Listed in the marketplace once the operator is approved.' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  publish(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<ManagedFacility> {
    return this.facilities.setPublished(requireUser(principal), id, true);
  }

  @Post(':id/unpublish')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedFacilityDto, description: 'No longer listed; existing bookings are kept.' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  unpublish(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<ManagedFacility> {
    return this.facilities.setPublished(requireUser(principal), id, false);
  }

  @Put(':id/rates')
  @ApiOkResponse({ type: ManagedFacilityDto, description: 'The rate cards are replaced by these; every type with spaces keeps one.' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  putRates(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: ReplaceRatesDto): Promise<ManagedFacility> {
    return this.facilities.putRates(requireUser(principal), id, body.rates);
  }

  @Post(':id/spaces')
  @HttpCode(201)
  @ApiCreatedResponse({ type: ManagedSpaceListDto, description: 'Labels continue each type’s numbering (STANDARD-041, …).' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  addSpaces(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: SpaceCountsDto): Promise<ManagedSpaceList> {
    return this.facilities.addSpaces(requireUser(principal), id, body);
  }

  @Get(':id/spaces')
  @ApiOkResponse({ type: ManagedSpaceListDto })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  listSpaces(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<ManagedSpaceList> {
    return this.facilities.listSpaces(requireUser(principal), id);
  }

  @Post(':id/spaces/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkSpaceChangeResultDto, description: 'All named spaces are out of service; those already inactive are left as they are.' })
  @ApiBadRequestResponse({ description: 'details.fields: spaceIds missing, empty, too many or not UUIDs.' })
  @ApiConflictResponse({ description: 'space_has_future_bookings: nothing changed; details.bookings lists each live booking that has not ended.' })
  @ApiNotFoundResponse({ description: `${NOT_YOURS} Or space_not_found: details.spaceIds names spaces not of this facility.` })
  deactivateMany(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: BulkSpaceChangeDto): Promise<BulkSpaceChangeResult> {
    return this.facilities.setSpacesActive(requireUser(principal), id, body.spaceIds, false);
  }

  @Post(':id/spaces/activate')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkSpaceChangeResultDto, description: 'All named spaces take bookings again; those already active are left as they are.' })
  @ApiBadRequestResponse({ description: 'details.fields: spaceIds missing, empty, too many or not UUIDs.' })
  @ApiNotFoundResponse({ description: `${NOT_YOURS} Or space_not_found: details.spaceIds names spaces not of this facility.` })
  activateMany(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: BulkSpaceChangeDto): Promise<BulkSpaceChangeResult> {
    return this.facilities.setSpacesActive(requireUser(principal), id, body.spaceIds, true);
  }

  @Post(':id/spaces/:spaceId/deactivate')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedSpaceListDto })
  @ApiConflictResponse({ description: 'space_has_future_bookings: details.bookings lists the live bookings that have not ended.' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  deactivate(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('spaceId') spaceId: string): Promise<ManagedSpaceList> {
    return this.facilities.setSpaceActive(requireUser(principal), id, spaceId, false);
  }

  @Post(':id/spaces/:spaceId/activate')
  @HttpCode(200)
  @ApiOkResponse({ type: ManagedSpaceListDto })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  activate(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('spaceId') spaceId: string): Promise<ManagedSpaceList> {
    return this.facilities.setSpaceActive(requireUser(principal), id, spaceId, true);
  }

  @Post(':id/blackouts')
  @HttpCode(201)
  @ApiCreatedResponse({ type: BlackoutCreatedDto, description: 'Live bookings inside the blackout are kept and listed in bookingsInside.' })
  @ApiBadRequestResponse({ description: 'details.fields names each invalid field.' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  createBlackout(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: CreateBlackoutDto): Promise<BlackoutCreated> {
    return this.facilities.createBlackout(requireUser(principal), id, body);
  }

  @Get(':id/blackouts')
  @ApiOkResponse({ type: BlackoutListDto })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  listBlackouts(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<BlackoutList> {
    return this.facilities.listBlackouts(requireUser(principal), id);
  }

  @Delete(':id/blackouts/:blackoutId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The blackout is gone; the spaces take bookings again.' })
  @ApiNotFoundResponse({ description: NOT_YOURS })
  async deleteBlackout(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Param('blackoutId') blackoutId: string): Promise<void> {
    await this.facilities.deleteBlackout(requireUser(principal), id, blackoutId);
  }
}
