import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { CancelPassResult, OperatorPassOverview, PassList, PassOfferList, PassOfferView, PassView } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, Roles, type Principal } from '../access/index.js';
import { Idempotent, IdempotencyKey } from '../common/idempotency/index.js';
import { Public } from '../common/http/index.js';
import { HarvestProtected } from '../harvest/index.js';
import {
  CancelPassResultDto,
  CreatePassDto,
  OperatorPassOverviewDto,
  PassListDto,
  PassOfferListDto,
  PassOfferViewDto,
  PassViewDto,
  SpaceTypeParamDto,
  UpdatePassOfferDto,
} from './passes.dto.js';
import { PassesService } from './passes.service.js';

/** A driver's monthly passes. */
@ApiTags('passes')
@ApiBearerAuth()
@Controller('passes')
export class PassesController {
  constructor(private readonly passes: PassesService) {}

  @Post()
  @Roles('driver')
  @HttpCode(201)
  @Idempotent()
  @ApiCreatedResponse({ type: PassViewDto, description: 'A space is held for the month as pending_payment; pay it with POST /api/payments and booking.id.' })
  @ApiBadRequestResponse({ description: 'month_not_on_sale (details.onSale), invalid_vehicle_plate, validation_failed.' })
  @ApiForbiddenResponse({ description: 'email_not_verified.' })
  @ApiNotFoundResponse({ description: 'facility_not_found.' })
  @ApiConflictResponse({
    description: 'passes_sold_out: the month’s passes are sold; no_space_available: no space of the type is free for the whole period; passes_not_offered.',
  })
  create(@CurrentPrincipal() principal: Principal, @Body() body: CreatePassDto, @IdempotencyKey() idempotencyKey: string): Promise<PassView> {
    return this.passes.create(requireUser(principal), body, idempotencyKey);
  }

  @Get()
  @ApiOkResponse({ type: PassListDto, description: 'Your own passes, the latest month first (at most 50).' })
  list(@CurrentPrincipal() principal: Principal): Promise<PassList> {
    return this.passes.listOwn(requireUser(principal));
  }

  @Get(':id')
  @ApiOkResponse({ type: PassViewDto })
  @ApiNotFoundResponse({ description: 'No such pass, or not yours (nor your facility’s).' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<PassView> {
    return this.passes.get(requireUser(principal), id);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: CancelPassResultDto, description: 'Cancelled; before the period starts all that was paid is refunded.' })
  @ApiNotFoundResponse({ description: 'No such pass, or not yours.' })
  @ApiConflictResponse({ description: 'pass_not_cancellable: started already, or not live.' })
  cancel(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<CancelPassResult> {
    return this.passes.cancel(requireUser(principal), id);
  }
}

/** What a facility sells as monthly passes, for its page. */
@ApiTags('passes')
@Controller('facilities')
export class FacilityPassOffersController {
  constructor(private readonly passes: PassesService) {}

  @Get(':id/pass-offers')
  @Public()
  // Prices and passes left are catalogue data: read as the facility's own page is.
  @HarvestProtected('facility')
  @ApiOkResponse({ type: PassOfferListDto, description: 'The space types with passes for sale: price and passes left for this month and the next two.' })
  @ApiNotFoundResponse({ description: 'No such published facility.' })
  offers(@Param('id', new ParseUUIDPipe()) id: string): Promise<PassOfferList> {
    return this.passes.offersOnSale(id);
  }
}

/** The operator's pass settings and sales of their facilities (an admin: any). */
@ApiTags('passes')
@ApiBearerAuth()
@Roles('operator', 'admin')
@Controller('operator/facilities')
export class OperatorPassesController {
  constructor(private readonly passes: PassesService) {}

  @Get(':id/passes')
  @ApiOkResponse({ type: OperatorPassOverviewDto })
  @ApiNotFoundResponse({ description: 'No such facility of yours.' })
  overview(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string): Promise<OperatorPassOverview> {
    return this.passes.operatorOverview(requireUser(principal), id);
  }

  @Put(':id/pass-offers/:spaceType')
  @ApiOkResponse({ type: PassOfferViewDto, description: 'The offer as set, with sold and left per month. A lower limit keeps passes sold already.' })
  @ApiBadRequestResponse({ description: 'invalid_pass_offer (details.fields), space_type_not_offered, validation_failed.' })
  @ApiNotFoundResponse({ description: 'No such facility of yours.' })
  updateOffer(@CurrentPrincipal() principal: Principal, @Param() params: SpaceTypeParamDto, @Body() body: UpdatePassOfferDto): Promise<PassOfferView> {
    return this.passes.updateOffer(requireUser(principal), params.id, params.spaceType, body);
  }
}
