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

export interface FileRequest extends HttpRequest {
  /** Bytes received so far and the total when the server said it (Content-Length), else null. */
  onProgress?: (received: number, total: number | null) => void;
}

/**
 * The file name a Content-Disposition header gives (RFC 6266): `filename*=UTF-8''…` (RFC 8187,
 * percent-encoded) wins over `filename="…"`; any path is cut off, so a name can never climb
 * out of the downloads folder.
 */
export function fileNameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  let name: string | null = null;
  const extended = /filename\*\s*=\s*([\w-]+)'[^']*'([^;]+)/i.exec(header);
  if (extended?.[2]) {
    try {
      name = decodeURIComponent(extended[2].trim());
    } catch {
      name = null;
    }
  }
  if (name === null) {
    const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(header);
    name = plain ? (plain[1] ?? plain[2] ?? '').replace(/\\(.)/g, '$1') : null;
  }
  const base = name?.split(/[\\/]/).pop()?.trim();
  return base ? base : null;
}

/**
 * A file from the API (an export): the body as a Blob, or an ApiError as for JSON (with the
 * server's Retry-After, in seconds, when it said one). A JSON `body` is sent as for `fetchJson`.
 */
export async function fetchFile(path: string, request: FileRequest = {}): Promise<DownloadedFile> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method: request.method ?? 'GET',
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
    signal: request.signal,
    credentials: 'same-origin',
  });
  if (!response.ok) {
    const text = await response.text();
    const body: unknown = text ? safeParse(text) : undefined;
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError(response.status, isErrorEnvelope(body) ? body : null, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
  }
  const fileName = fileNameFromDisposition(response.headers.get('content-disposition'));
  if (!request.onProgress || !response.body) return { blob: await response.blob(), fileName };
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  request.onProgress(0, total);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.byteLength;
    request.onProgress(received, total);
  }
  return { blob: new Blob(chunks as BlobPart[], { type: response.headers.get('content-type') ?? 'application/octet-stream' }), fileName };
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
