import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AcceptedPriceSuggestion, PriceFloorView, PriceSuggestions, RateChangeList } from '@aiparksit/shared';
import { CurrentPrincipal, requireUser, Roles, type Principal } from '../access/index.js';
import {
  AcceptedPriceSuggestionDto,
  AcceptPriceSuggestionDto,
  PriceFloorDto,
  PriceFloorViewDto,
  PriceSuggestionsDto,
  RateChangeListDto,
} from './price-suggestions.dto.js';
import { PriceSuggestionsService } from './price-suggestions.service.js';

/** Price suggestions, price floors and the rate history of an operator's facility (an admin's of any). */
@ApiTags('price-suggestions')
@ApiBearerAuth()
@Roles('operator', 'admin')
@Controller('operator/facilities')
export class PriceSuggestionsController {
  constructor(private readonly suggestions: PriceSuggestionsService) {}

  @Get(':id/price-suggestions')
  @ApiOkResponse({
    type: PriceSuggestionsDto,
    description: 'Per space type: the rate now, the suggested rate card, the hours it changes with reasons, and the expected weekly effect. Changes nothing.',
  })
  @ApiNotFoundResponse({ description: 'facility_not_found: no such facility, or not yours.' })
  list(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<PriceSuggestions> {
    return this.suggestions.suggestions(requireUser(principal), id);
  }

  @Post(':id/price-suggestions/accept')
  @HttpCode(200)
  @ApiOkResponse({ type: AcceptedPriceSuggestionDto, description: 'The suggested rate card is in force; the change is audited with source suggestion.' })
  @ApiBadRequestResponse({ description: 'validation_failed.' })
  @ApiNotFoundResponse({ description: 'facility_not_found; suggestion_not_found.' })
  @ApiConflictResponse({ description: 'suggestion_stale: the rate or the floor changed since; nothing was changed.' })
  accept(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: AcceptPriceSuggestionDto): Promise<AcceptedPriceSuggestion> {
    return this.suggestions.accept(requireUser(principal), id, body);
  }

  @Put(':id/price-floor')
  @ApiOkResponse({ type: PriceFloorViewDto, description: 'The lowest hourly price suggestions may set for the type (null: none).' })
  @ApiBadRequestResponse({ description: 'validation_failed; invalid_price_floor (no rate for the type).' })
  @ApiNotFoundResponse({ description: 'facility_not_found.' })
  setFloor(@CurrentPrincipal() principal: Principal, @Param('id') id: string, @Body() body: PriceFloorDto): Promise<PriceFloorView> {
    return this.suggestions.setFloor(requireUser(principal), id, body);
  }

  @Get(':id/rate-changes')
  @ApiOkResponse({ type: RateChangeListDto, description: 'The rate history, newest first (at most 100): before and after, who, when, manual or suggestion.' })
  @ApiNotFoundResponse({ description: 'facility_not_found.' })
  rateChanges(@CurrentPrincipal() principal: Principal, @Param('id') id: string): Promise<RateChangeList> {
    return this.suggestions.rateChanges(requireUser(principal), id);
  }
}
