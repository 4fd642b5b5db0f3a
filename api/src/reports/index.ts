/** Reports: the investor figures as a PDF (printed by puppeteer from a warm pool) or a CSV. */
export { ReportsModule } from './reports.module.js';
export { ReportsService, type RenderedReport } from './reports.service.js';
export { ReportsException, type ReportsErrorCode } from './reports.exception.js';
