import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { FIELD_ERROR_CODES } from '@aiparksit/shared';
import { APP_VERSION } from '../index.js';
import { IS_PUBLIC } from './public.decorator.js';

// The metadata keys of `@Roles()` (access/) and `@SkipThrottle()` (@nestjs/throttler), read by
// name: importing access/ here would make a cycle (access → common/errors ← common/http).
const ROLES_KEY = 'aiparksit:roles';
const SKIP_THROTTLE_PREFIX = 'THROTTLER:SKIP';

type Responses = Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
interface Operation {
  operationId?: string;
  parameters?: { in: string }[];
  requestBody?: unknown;
  security?: Record<string, string[]>[];
  responses: Responses;
}

/** What the route's decorators say about who may call it, found by its operation id. */
interface RouteAccess {
  isPublic: boolean;
  roles: string[];
  throttled: boolean;
}

const DESCRIPTION = `Parking marketplace: drivers, operators, investors, admins and integrators.

**Integrators** authenticate with an API key (\`X-API-Key: aip_…\`, created by an operator or an admin under
*API keys*; scope \`marketplace:read\`): search, facility details and availability, and the live
availability feed on \`/ws\`. Booking and paying act for a person: they take that person's bearer token
(\`POST /api/auth/login\`). Worked examples of each flow (search, availability, book, pay, subscribe
to \`/ws\`) are in \`docs/integrators.md\` and in the description of each tag below.

**Errors** are JSON, whatever the status: \`{ statusCode, error, message, details, requestId }\`.
\`details.code\` is a stable machine code (listed under each response); a 400 with field problems lists
them in \`details.fields\` (\`{ field, code, message }\`). \`requestId\` matches the \`x-request-id\`
header: quote it when reporting a problem. POSTs that create bookings or payments accept an
\`Idempotency-Key\` header: a retry with the same key answers the first result instead of acting twice.`;

const TAGS: Record<string, string> = {
  marketplace: `Search facilities near a point, in a box or in a city, with prices for a window.

\`\`\`sh
curl -s 'http://localhost:3005/api/proxy/marketplace?lat=52.52&lng=13.405&radius=3000&start=2027-03-01T08:00:00Z&end=2027-03-01T12:00:00Z&sort=price' \\
  -H 'X-API-Key: aip_…'
\`\`\`
answers \`{ "results": [{ "facility": { "id": "…", "name": "…", … }, "distanceMeters": 412, "quote": { "totalCents": 1200, "currency": "EUR", … }, … }], "nextCursor": "…", "fidelity": "full" }\`;
pass \`nextCursor\` back as \`cursor\` for the next page.`,
  facilities: `A facility's details and its availability per space type for a window.

\`\`\`sh
curl -s 'http://localhost:3005/api/facilities/<id>/availability?start=2027-03-01T08:00:00Z&end=2027-03-01T12:00:00Z' \\
  -H 'X-API-Key: aip_…'
\`\`\``,
  bookings: `Hold a space for a window (\`pending_payment\`, expires after a few minutes unless paid), then pay it.

\`\`\`sh
curl -s -X POST http://localhost:3005/api/bookings -H "Authorization: Bearer $TOKEN" \\
  -H 'Idempotency-Key: 3f6c…' -H 'Content-Type: application/json' \\
  -d '{"facilityId":"<id>","spaceType":"standard","start":"2027-03-01T08:00:00Z","end":"2027-03-01T12:00:00Z","vehiclePlate":"B-AP 1234"}'
\`\`\``,
  payments: `Pay a held booking with the sandbox card processor (\`4242 4242 4242 4242\` succeeds, \`4000 0000 0000 0002\` is declined).

\`\`\`sh
curl -s -X POST http://localhost:3005/api/payments -H "Authorization: Bearer $TOKEN" \\
  -H 'Idempotency-Key: 9b1d…' -H 'Content-Type: application/json' \\
  -d '{"bookingId":"<booking id>","card":{"number":"4242424242424242","expMonth":12,"expYear":2030,"cvc":"123"}}'
\`\`\`
Live availability: connect to \`ws://localhost:3005/ws?apiKey=aip_…\` and send
\`{"type":"subscribe","facilityIds":["<id>"]}\`; each change arrives as
\`{"type":"event","event":"availability_changed","data":{…},"at":"…"}\`.`,
};

const ERROR_ENVELOPE = {
  type: 'object',
  required: ['statusCode', 'error', 'message', 'requestId'],
  properties: {
    statusCode: { type: 'integer', example: 409 },
    error: { type: 'string', example: 'Conflict' },
    message: { type: 'string', example: 'No space of that type is free for the whole window.' },
    details: {
      type: 'object',
      additionalProperties: true,
      properties: {
        code: { type: 'string', description: 'Stable machine code of the error (listed under each response).', example: 'no_space_available' },
        fields: {
          type: 'array',
          description: 'The fields at fault, on a 400.',
          items: {
            type: 'object',
            required: ['field', 'code', 'message'],
            properties: {
              field: { type: 'string', example: 'end' },
              code: {
                type: 'string',
                enum: FIELD_ERROR_CODES,
                description: 'What is wrong with the field; `params` fill in the details.',
                example: 'required',
              },
              message: { type: 'string', description: 'The same in plain English.', example: 'end is required.' },
              params: { type: 'object', additionalProperties: true, example: { min: 10 } },
            },
          },
        },
      },
    },
    requestId: { type: 'string', example: '0f8fad5b-d9cb-469f-a165-70867728950e' },
  },
} as const;

/** The statuses every route may answer, by what its decorators and inputs say; the description is the default one. */
const GENERIC: Record<string, string> = {
  '400': 'The request is invalid: `details.fields` names each field at fault, with its code (request validation answers the code `invalid_request`).',
  // Any route, even one without input: a malformed %-escape in the URL or unreadable headers.
  unreadable: 'The request could not be read (a malformed URL escape or header).',
  '401': 'No valid credentials: the bearer token is missing, expired or revoked, or the API key is unknown or revoked.',
  '403': 'The caller is authenticated but not allowed (role, API key scope, or not the owner).',
  '404': 'No such resource, or not one the caller may see.',
  '429': 'Too many requests: retry after the `Retry-After` header.',
};

export function openApiDocumentConfig(): Omit<OpenAPIObject, 'paths'> {
  const builder = new DocumentBuilder()
    .setTitle('AIParksit API')
    .setDescription(DESCRIPTION)
    .setVersion(APP_VERSION)
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key');
  for (const [name, description] of Object.entries(TAGS)) builder.addTag(name, description);
  return builder.build();
}

/**
 * The OpenAPI document of the app's routes, with what the decorators leave out filled in the same
 * way everywhere: the error envelope as the schema of every error response, and the statuses each
 * route can answer whatever it does (400 for routes with input, 401/403 for guarded ones, 404 for
 * one resource by id, 429 from the rate limiter). Works in Nest's preview mode (no database).
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, openApiDocumentConfig());
  completeErrorResponses(document, routeAccess(app));
  return document;
}

export function completeErrorResponses(document: OpenAPIObject, access: Map<string, RouteAccess>): void {
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas['ErrorEnvelope'] = ERROR_ENVELOPE as never;
  const envelope = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } };

  for (const [path, item] of Object.entries(document.paths)) {
    for (const operation of Object.values(item) as Operation[]) {
      if (!operation || typeof operation !== 'object' || !('responses' in operation)) continue;
      const route = access.get(operation.operationId ?? '');
      const hasInput = Boolean(operation.requestBody) || (operation.parameters ?? []).some((p) => p.in === 'query' || p.in === 'path');
      const wanted = new Set<string>();
      if (hasInput) wanted.add('400');
      else operation.responses['400'] ??= { description: GENERIC['unreadable'] };
      if (route && !route.isPublic) wanted.add('401');
      if (route && !route.isPublic && route.roles.length) wanted.add('403');
      if (path.includes('{')) wanted.add('404');
      if (!route || route.throttled) wanted.add('429');
      for (const status of wanted) operation.responses[status] ??= { description: GENERIC[status] };
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) >= 400 && !response.content) response.content = envelope;
      }
    }
  }
}

/** Each route's `@Public()`, `@Roles()` and `@SkipThrottle()`, keyed as Nest's swagger names operations. */
function routeAccess(app: INestApplication): Map<string, RouteAccess> {
  const routes = new Map<string, RouteAccess>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller || typeof controller !== 'function') continue;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        if (method === 'constructor') continue;
        const handler: unknown = controller.prototype[method];
        if (typeof handler !== 'function') continue;
        const read = (key: string): unknown => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        const keys = [...Reflect.getMetadataKeys(handler), ...Reflect.getMetadataKeys(controller)].map(String);
        routes.set(`${controller.name}_${method}`, {
          isPublic: read(IS_PUBLIC) === true,
          roles: (read(ROLES_KEY) as string[] | undefined) ?? [],
          throttled: !keys.some((key) => key.startsWith(SKIP_THROTTLE_PREFIX)),
        });
      }
    }
  }
  return routes;
}
