/** Investor metrics: platform aggregates from the metrics rollups, converted at dated reference rates; FX rates admin. */
export { MetricsModule } from './metrics.module.js';
export { MetricsService } from './metrics.service.js';
export { MetricsException, type MetricsErrorCode } from './metrics.exception.js';
export { METRICS_ROLLUP_TRIGGERS, setMetricsTriggers, recomputeMetricsRollups } from './rollup-triggers.js';
