import { createApiClient, type ApiClient } from '@aiparksit/shared/api-client';
import { readFile, type DownloadedFile } from './http';
import { API_ORIGIN, unwrap } from './public-api';
import { getAccessToken, refreshSession } from './session';

export { publicApi, unwrap } from './public-api';

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
  baseUrl: API_ORIGIN,
  headers: { accept: 'application/json' },
  fetch: sendWithRenewal,
});

/** Idempotency-Key for POSTs that create bookings or payments (see ./idempotency.ts for the keys). */
export function idempotent(key: string): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': key };
}

/**
 * A file (CSV, PDF, an attachment) from a typed call made with `parseAs: 'stream'`: the call's
 * path, parameters and body are checked like any other; the bytes are read here so the page can
 * show progress, and the name comes from Content-Disposition. Failures are ApiErrors as for JSON.
 *
 *   await download(api.GET('/api/operator/bookings.csv', { params: { query }, parseAs: 'stream' }))
 */
export async function download(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  onProgress?: (received: number, total: number | null) => void,
): Promise<DownloadedFile> {
  const result = await call;
  await unwrap(Promise.resolve(result));
  return readFile(result.response, result.data instanceof ReadableStream ? result.data : null, onProgress);
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
