import { Module } from '@nestjs/common';
import { PaymentsModule } from '../payments/index.js';
import { FacilityPassOffersController, OperatorPassesController, PassesController } from './passes.controller.js';
import { PassesRepository } from './passes.repository.js';
import { PassesService } from './passes.service.js';

@Module({
  imports: [PaymentsModule],
  controllers: [PassesController, FacilityPassOffersController, OperatorPassesController],
  providers: [PassesService, PassesRepository],
})
export class PassesModule {}
