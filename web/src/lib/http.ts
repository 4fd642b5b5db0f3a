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

export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition, when the server names the file. */
  fileName: string | null;
}

/** A file from the API (a CSV export): the body as a Blob, or an ApiError as for JSON. */
export async function fetchFile(path: string, request: HttpRequest = {}): Promise<DownloadedFile> {
  const response = await fetch(path, { method: request.method ?? 'GET', headers: request.headers, signal: request.signal, credentials: 'same-origin' });
  if (!response.ok) {
    const text = await response.text();
    const body: unknown = text ? safeParse(text) : undefined;
    throw new ApiError(response.status, isErrorEnvelope(body) ? body : null);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  return { blob: await response.blob(), fileName: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
}

/** Hands a downloaded file to the browser's "save" flow. */
export function saveFile({ blob }: DownloadedFile, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has started the download; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
