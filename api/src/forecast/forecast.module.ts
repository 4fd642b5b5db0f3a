import { Module } from '@nestjs/common';
import { FacilitiesModule } from '../facilities/index.js';
import { ForecastFitService } from './forecast-fit.service.js';
import { ForecastBadgesController, ForecastController } from './forecast.controller.js';
import { ForecastFitJob } from './forecast.job.js';
import { ForecastRepository } from './forecast.repository.js';
import { ForecastService } from './forecast.service.js';
import { OperatorForecastController } from './operator-forecast.controller.js';

@Module({
  imports: [FacilitiesModule],
  controllers: [ForecastController, ForecastBadgesController, OperatorForecastController],
  providers: [ForecastService, ForecastFitService, ForecastRepository, ForecastFitJob],
  exports: [ForecastService],
})
export class ForecastModule {}
