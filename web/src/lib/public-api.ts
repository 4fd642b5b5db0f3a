import { createApiClient, type ApiClient } from '@aiparksit/shared/api-client';
import { ApiError, isErrorEnvelope } from './api-error';

/** openapi-fetch builds absolute Requests; the API is on the SPA's own origin (or Vite's proxy). */
export const API_ORIGIN = typeof location === 'undefined' ? 'http://localhost' : location.origin;

/**
 * The typed client without a session: sign-in, registration, password reset and the session's
 * own renewal. It never sends a bearer token, and a 401 here is an answer, not a reason to renew.
 * The fetch is looked up per call so tests (and the session's renewal) see the current one.
 */
export const publicApi: ApiClient = createApiClient({
  baseUrl: API_ORIGIN,
  headers: { accept: 'application/json' },
  fetch: (request) => fetch(request),
});

interface ClientResult<D> {
  data?: D;
  error?: unknown;
  response: Response;
}

/**
 * The data of a typed call, or an ApiError: the server's envelope (with its request id, field
 * errors and code) and the Retry-After it asked for. A network failure rejects with fetch's TypeError.
 */
export async function unwrap<D>(call: Promise<ClientResult<D>>): Promise<D> {
  const { data, error, response } = await call;
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError(response.status, isErrorEnvelope(error) ? error : null, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
  }
  return data as D;
}
