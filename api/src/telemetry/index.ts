/**
 * Telemetry: what each API instance measures about itself and the registry of instances.
 * - `InstanceRegistry`: `apiCard()`, `activeUsers()`, `routes()`, `apiEndpointCount()` for GET /api/system/status.
 * - `TelemetryCollectors.poolUse()`: this instance's PostgreSQL pool; `outboxCounts()`: pending and failed outbox messages (cached 5 s).
 * - `TelemetryRegistry` (counters/): the Prometheus registry and the booking, payment and refusal counters.
 * - `installTelemetry(app)`: the per-request hook and GET /metrics, from main.ts.
 */
export { TelemetryModule } from './telemetry.module.js';
export { InstanceRegistry } from './instance-registry.js';
export { TelemetryCollectors, type PoolUse } from './telemetry-collectors.js';
export { TelemetryRegistry } from './counters/index.js';
export { installTelemetry } from './install.js';
export { METRICS_PATH } from './metrics-endpoint.js';
