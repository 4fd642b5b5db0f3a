import type { ApiResponseSchemaHost } from '@nestjs/swagger';
import { PORTALS } from '@aiparksit/shared';

type SchemaObject = ApiResponseSchemaHost['schema'];

// The OpenAPI shape of `SystemStatus` (shared/src/system.ts, where every field is documented).
const state: SchemaObject = { type: 'string', enum: ['running', 'degraded', 'down'] };
const card = (properties: Record<string, SchemaObject>): SchemaObject => ({
  type: 'object',
  properties: { state, reason: { type: 'string', nullable: true }, uptimeSeconds: { type: 'number', nullable: true }, ...properties },
});
const num: SchemaObject = { type: 'number' };
const nullableNum: SchemaObject = { type: 'number', nullable: true };
const str: SchemaObject = { type: 'string' };
const counts: SchemaObject = { type: 'object', additionalProperties: num };

export const SYSTEM_STATUS_SCHEMA: SchemaObject = everyPropertyRequired({
  type: 'object',
  properties: {
    generatedAt: { type: 'string', format: 'date-time' },
    snapshotAgeMs: num,
    overall: state,
    headline: {
      type: 'object',
      properties: { pagesAndRoutes: nullableNum, apiEndpoints: num, userTypes: num, webSocketEventsPerMinute: num },
    },
    services: {
      type: 'object',
      properties: {
        api: card({
          instances: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: str,
                host: str,
                pid: num,
                port: num,
                version: str,
                startedAt: str,
                lastHeartbeatAt: str,
                state,
                stoppedAt: { type: 'string', nullable: true },
                restarts: num,
                uptimeSeconds: num,
                cpuPercent: num,
                memory: { type: 'object', properties: { rssBytes: num, heapUsedBytes: num, heapTotalBytes: num } },
                eventLoopDelayP99Ms: num,
                requestsPerMinute: num,
                p95LatencyMs: nullableNum,
                serverErrorsPerMinute: num,
                self: { type: 'boolean' },
              },
            },
          },
          requestsPerMinute: num,
          serverErrorsPerMinute: num,
        }),
        nginx: card({
          configured: { type: 'boolean' },
          statusUrl: { type: 'string', nullable: true },
          workers: nullableNum,
          activeConnections: nullableNum,
          reading: nullableNum,
          writing: nullableNum,
          waiting: nullableNum,
          requestsPerMinute: nullableNum,
          totalRequests: nullableNum,
        }),
        postgres: card({
          version: { type: 'string', nullable: true },
          database: { type: 'string', nullable: true },
          connections: { type: 'object', properties: { active: num, idle: num, idleInTransaction: num, total: num, max: num } },
          queriesPerMinute: nullableNum,
          sizeBytes: nullableNum,
          cacheHitRatio: nullableNum,
          longestRunningQuery: {
            type: 'object',
            nullable: true,
            properties: { query: str, durationMs: num, state: str, applicationName: str },
          },
          slowestStatements: {
            type: 'array',
            items: {
              type: 'object',
              properties: { query: str, calls: num, meanMs: num, maxMs: num, source: { type: 'string', enum: ['pg_stat_statements', 'api'] } },
            },
          },
          pool: { type: 'object', properties: { total: num, idle: num, waiting: num, max: num } },
        }),
        websocket: card({
          connections: { type: 'object', properties: { total: num, byPath: counts } },
          subscriptions: num,
          eventsPerMinute: num,
          latencyMs: { type: 'object', properties: { p50: nullableNum, p95: nullableNum } },
          lastEventAt: { type: 'string', nullable: true },
          listenerConnected: { type: 'boolean' },
        }),
      },
    },
    disks: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string', enum: ['data', 'logs', 'temp'] },
          label: str,
          path: str,
          totalBytes: num,
          usedBytes: num,
          freeBytes: num,
          usedPercent: num,
          warning: { type: 'boolean' },
        },
      },
    },
    diskWarnPercent: num,
    activeUsers: {
      type: 'object',
      properties: { total: num, byPortal: { type: 'object', properties: Object.fromEntries(PORTALS.map((portal) => [portal, num])) }, windowSeconds: num },
    },
    routes: {
      type: 'array',
      items: { type: 'object', properties: { method: str, route: str, requestsPerMinute: num, p95Ms: nullableNum, errorPercent: num } },
    },
    criticalErrors24h: num,
  },
});

/** Every field of SystemStatus is always present (null where unknown): say so at every level, for typed clients. */
function everyPropertyRequired(schema: SchemaObject): SchemaObject {
  const properties = schema.properties as Record<string, SchemaObject> | undefined;
  const items = schema.items as SchemaObject | undefined;
  return {
    ...schema,
    ...(properties && {
      required: Object.keys(properties),
      properties: Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, everyPropertyRequired(property)])),
    }),
    ...(items && { items: everyPropertyRequired(items) }),
  };
}
