import { Module } from '@nestjs/common';
import type { GrowthMetrics, InvestorOverview, MarketMetrics, RevenueMetrics } from '@aiparksit/shared';
import { PdfRenderer } from './pdf/pdf-renderer.js';
import { REPORT_FIGURE_SOURCE, type ReportFigureSource } from './report-data.js';
import { ReportsController } from './reports.controller.js';
import { ReportsException } from './reports.exception.js';
import { ReportsService } from './reports.service.js';

// Until the metrics module lands, reports have no figures to print.
const notYet = (): Promise<never> => Promise.reject(new ReportsException('renderer_unavailable', 'The investor metrics are not available yet.'));
const noFigures: ReportFigureSource = {
  overview: notYet as () => Promise<InvestorOverview>,
  revenue: notYet as () => Promise<RevenueMetrics>,
  growth: notYet as () => Promise<GrowthMetrics>,
  market: notYet as () => Promise<MarketMetrics>,
};

@Module({
  controllers: [ReportsController],
  providers: [ReportsService, PdfRenderer, { provide: REPORT_FIGURE_SOURCE, useValue: noFigures }],
  exports: [ReportsService],
})
export class ReportsModule {}
