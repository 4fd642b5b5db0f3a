import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import type { FacilityListPage, MarketplacePage } from '@aiparksit/shared';
import { AllowApiKey, CurrentPrincipal, type Principal } from '../access/index.js';
import { Public } from '../common/http/index.js';
import { HarvestProtected } from '../harvest/index.js';
import { FacilityListQueryDto } from './dto/facility-list-query.dto.js';
import { FacilityListPageDto, MarketplacePageDto } from './dto/facility-views.dto.js';
import { MarketplaceQueryDto } from './dto/marketplace-query.dto.js';
import { MarketplaceService } from './marketplace.service.js';

const ANONYMOUS_DEPTH = 'Anonymous callers past MARKETPLACE_ANON_MAX_PAGES pages (code anonymous_page_limit): sign in or use an API key.';

@ApiTags('marketplace')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Public()
@AllowApiKey('marketplace:read')
@Controller('proxy')
export class MarketplaceController {
  constructor(private readonly marketplace: MarketplaceService) {}

  @Get('marketplace')
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
}
