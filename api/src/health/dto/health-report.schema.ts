import type { ResponseBodySchema } from '../../common/http/index.js';

/** GET /api/health's body (HealthReportDto), for its response serialiser: 200 and 503 alike. */
export const HEALTH_REPORT_SCHEMA: ResponseBodySchema = {
  type: 'object',
  properties: {
    status: { type: 'string' },
    db: { type: 'string' },
    dbLatencyMs: { type: 'number', nullable: true },
    version: { type: 'string' },
    uptimeSeconds: { type: 'number' },
    time: { type: 'string' },
  },
  required: ['status', 'db', 'dbLatencyMs', 'version', 'uptimeSeconds', 'time'],
};
