import { Module } from '@nestjs/common';
import { AlternativesService } from './alternatives.service.js';
import { CataloguePaging } from './catalogue-paging.js';
import { FacilitiesController } from './facilities.controller.js';
import { FacilitiesRepository } from './facilities.repository.js';
import { FacilitiesService } from './facilities.service.js';
import { MarketplaceController } from './marketplace.controller.js';
import { MarketplaceRepository } from './marketplace.repository.js';
import { MarketplaceService } from './marketplace.service.js';
import { PlacesRepository } from './places.repository.js';
import { SuggestionsService } from './suggestions.service.js';

@Module({
  controllers: [MarketplaceController, FacilitiesController],
  providers: [
    MarketplaceService,
    FacilitiesService,
    AlternativesService,
    SuggestionsService,
    MarketplaceRepository,
    FacilitiesRepository,
    PlacesRepository,
    CataloguePaging,
  ],
  exports: [FacilitiesService, AlternativesService],
})
export class FacilitiesModule {}
