/**
 * The typed client of the REST API: `paths` is generated from the OpenAPI document
 * (`npm run openapi`), so a route, parameter or response shape that changes in the API changes
 * here too, and `npm test` fails until both agree. The SPA wraps it with its session handling
 * (web/src/lib/api-client.ts); integrators can use it as it is.
 */
import createClient, { createQuerySerializer, type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths } from './openapi-schema.js';

export type { components, operations, paths } from './openapi-schema.js';
export type { Client, ClientOptions, Middleware } from 'openapi-fetch';

/** A schema of the document by name, e.g. `ApiSchema<'BookingViewDto'>`. */
export type ApiSchema<Name extends keyof components['schemas']> = components['schemas'][Name];

export type ApiClient = Client<paths>;

const standardQuery = createQuerySerializer();

/**
 * The client; its query strings leave out empty values (a form's blank filter means "any"),
 * the rest serialised as the document says (lists as repeated names).
 */
export function createApiClient(options?: ClientOptions): ApiClient {
  return createClient<paths>({
    querySerializer: (query) => standardQuery(Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''))),
    ...options,
  });
}
