import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiExtraModels, ApiForbiddenResponse, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FacilityListPage, MarketplacePage, SuggestionList } from '@aiparksit/shared';
import { AllowApiKey, CurrentPrincipal, type Principal } from '../access/index.js';
import { JsonResponse, Public } from '../common/http/index.js';
import { HarvestProtected } from '../harvest/index.js';
import { FacilityListQueryDto } from './dto/facility-list-query.dto.js';
import { FacilityListPageDto, MarketplacePageDto } from './dto/facility-views.dto.js';
import { MARKETPLACE_PAGE_SCHEMA } from './dto/marketplace-page.schema.js';
import { MarketplaceQueryDto } from './dto/marketplace-query.dto.js';
import { SUGGESTION_MODELS, SuggestionListDto } from './dto/suggestion-views.dto.js';
import { SuggestionQueryDto } from './dto/suggestion-query.dto.js';
import { MarketplaceService } from './marketplace.service.js';
import { SuggestionsService } from './suggestions.service.js';

const ANONYMOUS_DEPTH = 'Anonymous callers past MARKETPLACE_ANON_MAX_PAGES pages (code anonymous_page_limit): sign in or use an API key.';

@ApiTags('marketplace')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Public()
@AllowApiKey('marketplace:read')
@ApiExtraModels(...SUGGESTION_MODELS)
@Controller('proxy')
export class MarketplaceController {
  constructor(
    private readonly marketplace: MarketplaceService,
    private readonly suggestions: SuggestionsService,
  ) {}

  @Get('marketplace')
  @JsonResponse({ 200: MARKETPLACE_PAGE_SCHEMA })
  @HarvestProtected('marketplace-page')
  @ApiOkResponse({ type: MarketplacePageDto, description: 'Facilities near a point, in a bbox or a city, with the quote and free spaces for the window.' })
  @ApiForbiddenResponse({ description: ANONYMOUS_DEPTH })
  search(@CurrentPrincipal() principal: Principal | undefined, @Query() query: MarketplaceQueryDto): Promise<MarketplacePage> {
    return this.marketplace.search(principal, query);
  }

  @Get('facilities')
  @HarvestProtected('marketplace-page')
  @ApiOkResponse({ type: FacilityListPageDto, description: 'The public catalogue, by name.' })
  @ApiForbiddenResponse({ description: ANONYMOUS_DEPTH })
  list(@CurrentPrincipal() principal: Principal | undefined, @Query() query: FacilityListQueryDto): Promise<FacilityListPage> {
    return this.marketplace.list(principal, query);
  }

  // Guarded like a result page: each distinct text typed counts once (its facilities are not
  // counted one by one), so typing a city costs a person a few reads while walking every two-letter
  // prefix to list the catalogue's names climbs to the limit.
  @Get('suggestions')
  @HarvestProtected('marketplace-page')
  @ApiOkResponse({
    type: SuggestionListDto,
    description: 'Cities (by any of their names), car parks by name and by address, for a search box as a person types.',
  })
  @ApiBadRequestResponse({ description: 'q has fewer than 2 letters or digits (field q), or limit is out of 1–10.' })
  suggest(@Query() query: SuggestionQueryDto): Promise<SuggestionList> {
    return this.suggestions.suggest(query.q, query.limit, query.city);
  }
}
