import { Inject, Injectable } from '@nestjs/common';
import type { ReportExportRequest } from '@aiparksit/shared';
import { reportCsv } from './csv/report-csv.js';
import { PdfRenderer } from './pdf/pdf-renderer.js';
import { reportDocument } from './pdf/report-html.js';
import { loadReportData, REPORT_FIGURE_SOURCE, type ReportFigureSource } from './report-data.js';
import { CONTENT_TYPES, metricsQueryOf, reportFilename } from './report-request.js';

export interface RenderedReport {
  filename: string;
  contentType: string;
  body: Buffer;
}

/**
 * Makes a report file from the metrics: a PDF printed from the report's HTML, or a CSV. Used by
 * `POST /api/reports/export` and by the emailed reports' outbox job; the caller has already
 * checked who may read platform figures.
 */
@Injectable()
export class ReportsService {
  constructor(
    @Inject(REPORT_FIGURE_SOURCE) private readonly figures: ReportFigureSource,
    private readonly renderer: PdfRenderer,
  ) {}

  async render(request: ReportExportRequest): Promise<RenderedReport> {
    const query = metricsQueryOf(request);
    const data = await loadReportData(this.figures, request.type, query);
    const filename = reportFilename(request);
    if (request.format === 'csv') return { filename, contentType: CONTENT_TYPES.csv, body: Buffer.from(reportCsv(data), 'utf8') };
    return { filename, contentType: CONTENT_TYPES.pdf, body: await this.renderer.render(reportDocument(data)) };
  }

  /** The PDF renderer's state (browser, pool, queue), for diagnostics and the bench. */
  rendererState(): ReturnType<PdfRenderer['state']> {
    return this.renderer.state();
  }
}
