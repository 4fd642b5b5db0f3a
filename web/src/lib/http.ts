/**
 * File helpers of the typed client: JSON goes through `api`/`publicApi` (./api-client.ts); a
 * file is fetched by a typed call with `parseAs: 'stream'` and its bytes read here.
 */

export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition, when the server names the file. */
  fileName: string | null;
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
 * The body of a successful file response as a Blob, named by its Content-Disposition. With
 * `onProgress`, the bytes received so far and the total (Content-Length, else null) as they come.
 */
export async function readFile(
  response: Response,
  stream: ReadableStream<Uint8Array> | null,
  onProgress?: (received: number, total: number | null) => void,
): Promise<DownloadedFile> {
  const fileName = fileNameFromDisposition(response.headers.get('content-disposition'));
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  onProgress?.(0, total);
  if (stream) {
    const reader = stream.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress?.(received, total);
    }
  }
  return { blob: new Blob(chunks as BlobPart[], { type }), fileName };
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
