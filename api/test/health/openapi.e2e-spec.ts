import request from 'supertest';
import { apiUrl } from '../support/api-url.js';

interface Operation {
  operationId?: string;
  tags?: string[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: object }> }>;
}

async function openApiDocument(): Promise<{ openapi: string; paths: Record<string, Record<string, Operation>> }> {
  const res = await request(apiUrl()).get('/api/openapi.json').expect(200);
  return res.body;
}

describe('OpenAPI document generated from the code', () => {
  it('is served as JSON and its page at /api/docs', async () => {
    const doc = await openApiDocument();
    expect(doc.openapi).toMatch(/^3\./);
    const page = await request(apiUrl()).get('/api/docs').redirects(1).expect(200);
    expect(page.text).toContain('<html');
  });

  it('describes the seed routes', async () => {
    const { paths } = await openApiDocument();
    for (const [path, method] of [
      ['/api/health', 'get'],
      ['/api/proxy/marketplace', 'get'],
      ['/api/proxy/facilities', 'get'],
      ['/api/proxy/operator', 'get'],
      ['/api/facilities', 'post'],
      ['/api/bookings', 'post'],
      ['/api/payments', 'post'],
      ['/api/notifications/email', 'post'],
      ['/api/operator/onboarding', 'post'],
      ['/api/analytics/revenue', 'get'],
      ['/api/analytics/occupancy', 'get'],
    ] as const) {
      expect(paths[path]?.[method]).toBeDefined();
    }
  });

  // A client generated from the document needs the shape of every success, not only its status.
  it('gives every operation a success response with a schema (or 204 No Content)', async () => {
    const { paths } = await openApiDocument();
    const withoutSchema: string[] = [];
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const successes = Object.entries(operation.responses ?? {}).filter(([status]) => status.startsWith('2'));
        const described = successes.some(([status, response]) => status === '204' || Object.values(response.content ?? {}).some((media) => media.schema));
        if (!described) withoutSchema.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(withoutSchema).toEqual([]);
  });

  // An integrator handles failures from the document too: which statuses, and their body.
  it('gives every operation at least one 4xx response, and every response other than 204 a schema', async () => {
    const { paths } = await openApiDocument();
    const withoutClientError: string[] = [];
    const responsesWithoutSchema: string[] = [];
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const responses = Object.entries(operation.responses ?? {});
        if (!responses.some(([status]) => /^4\d\d$/.test(status))) withoutClientError.push(`${method.toUpperCase()} ${path}`);
        for (const [status, response] of responses) {
          const hasSchema = Object.values(response.content ?? {}).some((media) => media.schema);
          if (status !== '204' && !hasSchema) responsesWithoutSchema.push(`${method.toUpperCase()} ${path} ${status}`);
        }
      }
    }
    expect(withoutClientError).toEqual([]);
    expect(responsesWithoutSchema).toEqual([]);
  });

  it("answers errors with the envelope schema and lists the module's error codes under their status", async () => {
    const { paths } = await openApiDocument();
    const conflict = paths['/api/bookings']?.['post']?.responses?.['409'];
    expect(conflict?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/ErrorEnvelope' });
    expect(conflict?.description).toContain('`no_space_available`');
    const declined = paths['/api/payments']?.['post']?.responses?.['402'];
    expect(declined?.description).toContain('`card_declined`');
    // A guarded route answers 401 without credentials, a throttled one 429.
    expect(Object.keys(paths['/api/bookings']?.['get']?.responses ?? {})).toEqual(expect.arrayContaining(['401', '429']));
  });
});
