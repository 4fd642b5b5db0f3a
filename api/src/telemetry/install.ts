import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MetricsEndpoint } from './metrics-endpoint.js';
import { RequestTelemetry } from './request-telemetry.js';

/** Adds the request hook and GET /metrics to Fastify; call before `listen`, so the router's routes are counted as Nest adds them. */
export function installTelemetry(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  app.get(RequestTelemetry).install(fastify);
  app.get(MetricsEndpoint).install(fastify);
}
