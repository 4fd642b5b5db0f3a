import { Module } from '@nestjs/common';
import { FacilityManagementModule } from '../facility-management/index.js';
import { ForecastModule } from '../forecast/index.js';
import { PriceSuggestionsController } from './price-suggestions.controller.js';
import { PriceSuggestionsRepository } from './price-suggestions.repository.js';
import { PriceSuggestionsService } from './price-suggestions.service.js';

@Module({
  imports: [FacilityManagementModule, ForecastModule],
  controllers: [PriceSuggestionsController],
  providers: [PriceSuggestionsService, PriceSuggestionsRepository],
})
export class PriceSuggestionsModule {}
