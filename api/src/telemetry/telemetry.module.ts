import { Global, Module } from '@nestjs/common';
import { RealtimeModule } from '../realtime/index.js';
import { TelemetryRegistry } from './counters/index.js';
import { InstanceHeartbeat } from './instance-heartbeat.js';
import { InstanceRegistry } from './instance-registry.js';
import { MetricsEndpoint } from './metrics-endpoint.js';
import { RequestTelemetry } from './request-telemetry.js';
import { TelemetryCollectors } from './telemetry-collectors.js';

/**
 * What this instance measures about itself (GET /metrics, per-route minute windows, process
 * figures, active users) and the registry of all instances. Global, so that the modules that
 * count bookings, payments and refusals inject `TelemetryRegistry` without importing it.
 */
@Global()
@Module({
  imports: [RealtimeModule],
  providers: [TelemetryRegistry, RequestTelemetry, TelemetryCollectors, MetricsEndpoint, InstanceHeartbeat, InstanceRegistry],
  exports: [TelemetryRegistry, InstanceRegistry, TelemetryCollectors],
})
export class TelemetryModule {}
