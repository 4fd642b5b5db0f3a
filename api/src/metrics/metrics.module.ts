import { Module } from '@nestjs/common';
import { FxRatesService } from './fx-rates.service.js';
import { MetricsFoldJob } from './metrics-fold.job.js';
import { FxRatesController, MetricsController } from './metrics.controller.js';
import { MetricsRepository } from './metrics.repository.js';
import { MetricsService } from './metrics.service.js';

@Module({
  controllers: [MetricsController, FxRatesController],
  providers: [MetricsService, MetricsRepository, FxRatesService, MetricsFoldJob],
  exports: [MetricsService],
})
export class MetricsModule {}
