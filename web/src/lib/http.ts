import { ApiError, isErrorEnvelope } from './api-error';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface HttpRequest {
  method?: HttpMethod;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/**
 * One JSON request to the API on the same origin (the API, nginx or Vite's proxy serves /api).
 * Resolves with the parsed body (undefined for 204); rejects with an ApiError carrying the
 * server's error envelope, or with the fetch TypeError when the network is down.
 */
export async function fetchJson<T>(path: string, request: HttpRequest = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method: request.method ?? 'GET',
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: request.signal,
    credentials: 'same-origin',
  });
  const text = await response.text();
  const body: unknown = text ? safeParse(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, isErrorEnvelope(body) ? body : null);
  return body as T;
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
