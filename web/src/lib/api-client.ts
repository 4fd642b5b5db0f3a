import { ApiError } from './api-error';
import { fetchFile, fetchJson, type DownloadedFile, type FileRequest, type HttpRequest } from './http';
import { getAccessToken, refreshSession } from './session';

/**
 * A request on behalf of the signed-in person. On 401 it renews the session once (shared with
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
