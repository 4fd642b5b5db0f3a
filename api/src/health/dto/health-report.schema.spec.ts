import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HealthReport } from '@aiparksit/shared';
import { checkedSerializer } from '../../common/http/response-schema/index.js';
import { HEALTH_REPORT_SCHEMA } from './health-report.schema.js';

const openApi = JSON.parse(readFileSync(resolve(process.cwd(), 'shared/openapi.json'), 'utf8')) as {
  components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> };
};

describe('GET /api/health response schema', () => {
  const serialize = checkedSerializer(HEALTH_REPORT_SCHEMA, 'GET /api/health');

  it('serialises the healthy and the degraded report exactly as JSON.stringify', () => {
    const up: HealthReport = { status: 'ok', db: 'up', dbLatencyMs: 0.42, version: '0.1.0', uptimeSeconds: 12, time: new Date().toISOString() };
    const down: HealthReport = { status: 'degraded', db: 'down', dbLatencyMs: null, version: '0.1.0', uptimeSeconds: 13, time: new Date().toISOString() };
    expect(serialize(up)).toBe(JSON.stringify(up));
    expect(serialize(down)).toBe(JSON.stringify(down));
  });

  it('lists every property of the documented HealthReportDto, as required as the document says', () => {
    const documented = openApi.components.schemas['HealthReportDto']!;
    expect(Object.keys(HEALTH_REPORT_SCHEMA['properties'] as object).sort()).toEqual(Object.keys(documented.properties).sort());
    expect([...(HEALTH_REPORT_SCHEMA['required'] as string[])].sort()).toEqual([...(documented.required ?? [])].sort());
  });
});
