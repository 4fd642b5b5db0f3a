/** Analytics: revenue and occupancy series from the daily rollups; rollup trigger control for bulk loads. */
export { AnalyticsModule } from './analytics.module.js';
export { AnalyticsService } from './analytics.service.js';
export { AnalyticsException, type AnalyticsErrorCode } from './analytics.exception.js';
export { rebuildRollups, setRollupTriggers } from './rollup-triggers.js';
