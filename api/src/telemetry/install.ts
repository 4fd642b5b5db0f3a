import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { MetricsEndpoint } from './metrics-endpoint.js';
import { logRequest } from './request-log.js';
import { RequestTelemetry } from './request-telemetry.js';

/**
 * Adds the per-request hook (metrics and the request log, in one onResponse hook) and GET /metrics
 * to Fastify; call before `listen`, so the router's routes are counted as Nest adds them.
 */
export function installTelemetry(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const telemetry = app.get(RequestTelemetry);
  telemetry.install(fastify);
  app.get(MetricsEndpoint).install(fastify);
  // Fastify's logger is pino, whose `isLevelEnabled` Fastify's type leaves out.
  const logs = (fastify.log as typeof fastify.log & { isLevelEnabled(level: string): boolean }).isLevelEnabled('info');
  if (telemetry.enabled && logs) {
    fastify.addHook('onResponse', (request, reply, done) => {
      telemetry.observe(request, reply);
      logRequest(request, reply);
      done();
    });
  } else if (telemetry.enabled) {
    fastify.addHook('onResponse', (request, reply, done) => {
      telemetry.observe(request, reply);
      done();
    });
  } else if (logs) {
    fastify.addHook('onResponse', (request, reply, done) => {
      logRequest(request, reply);
      done();
    });
  }
}
