/** The Prometheus registry and the business counters: inject `TelemetryRegistry` (provided globally by TelemetryModule). */
export { TelemetryRegistry } from './telemetry-registry.js';
