import { Module } from '@nestjs/common';
import { MetricsModule, MetricsService } from '../metrics/index.js';
import { PdfRenderer } from './pdf/pdf-renderer.js';
import { REPORT_FIGURE_SOURCE } from './report-data.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';

@Module({
  imports: [MetricsModule],
  controllers: [ReportsController],
  // Reports read the figures through the metrics module's service, as the API's routes answer them.
  providers: [ReportsService, PdfRenderer, { provide: REPORT_FIGURE_SOURCE, useExisting: MetricsService }],
  exports: [ReportsService],
})
export class ReportsModule {}
