import { createApiClient, type ApiClient } from '@aiparksit/shared/api-client';
import { ApiError, isErrorEnvelope } from './api-error';
import { fetchFile, fetchJson, type DownloadedFile, type FileRequest, type HttpRequest } from './http';
import { getAccessToken, refreshSession } from './session';

/**
 * The typed client of the API (generated from its OpenAPI document), on behalf of the signed-in
 * person: the bearer token on every request, and on 401 one renewal of the session (shared with
 * any other request that hit 401 at the same time) and one retry. Paths, parameters, bodies and
 * answers are checked against the document at compile time. Wrap a call in `unwrap()` for its
 * data, or an ApiError carrying the server's error envelope.
 *
 *   const kpis = await unwrap(api.GET('/api/proxy/investor', { params: { query }, signal }));
 */
export const api: ApiClient = createApiClient({
  // openapi-fetch builds absolute Requests; the API is on the SPA's own origin (or Vite's proxy).
  baseUrl: typeof location === 'undefined' ? 'http://localhost' : location.origin,
  headers: { accept: 'application/json' },
  fetch: sendWithRenewal,
});

/** Idempotency-Key for POSTs that create bookings or payments (see ./idempotency.ts for the keys). */
export function idempotent(key: string): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': key };
}

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

async function sendWithRenewal(request: Request): Promise<Response> {
  const tokenUsed = getAccessToken();
  // A body can be read once: the retry sends a copy taken before the first attempt.
  const retry = request.clone();
  const response = await fetch(signed(request));
  if (response.status !== 401) return response;
  // Another request may have renewed the session while this one was on the wire.
  const renewed = getAccessToken() !== tokenUsed && getAccessToken() !== null ? true : await refreshSession();
  if (!renewed) return response;
  return fetch(signed(retry));
}

function signed(request: Request): Request {
  const token = getAccessToken();
  if (token) request.headers.set('authorization', `Bearer ${token}`);
  return request;
}

/**
 * A hand-typed request on behalf of the signed-in person (being replaced by `api` above). On 401 it renews the session once (shared with
 * any other request that hit 401 at the same time) and retries; when renewal fails the session
 * ends, and the route guards send the person to /login.
 */
export function apiRequest<T>(path: string, request: HttpRequest = {}): Promise<T> {
  return withRenewal((signed) => fetchJson<T>(path, signed), request);
}

/** A file (an export) on behalf of the signed-in person, with the same renewal on 401. */
export function apiDownload(path: string, request: FileRequest = {}): Promise<DownloadedFile> {
  return withRenewal((signed) => fetchFile(path, signed), request);
}

async function withRenewal<T, R extends HttpRequest>(send: (request: R) => Promise<T>, request: R): Promise<T> {
  const tokenUsed = getAccessToken();
  try {
    return await send(withBearer(request));
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    // Another request may have renewed the session while this one was on the wire.
    const renewed = getAccessToken() !== tokenUsed && getAccessToken() !== null ? true : await refreshSession();
    if (!renewed) throw error;
    return send(withBearer(request));
  }
}

function withBearer<R extends HttpRequest>(request: R): R {
  const token = getAccessToken();
  return token ? { ...request, headers: { ...request.headers, authorization: `Bearer ${token}` } } : request;
}

/** A request that needs no session (sign-in, registration). */
export function publicRequest<T>(path: string, request: HttpRequest = {}): Promise<T> {
  return fetchJson<T>(path, request);
}
