/**
 * `Content-Disposition: attachment` for a file name of any script (RFC 6266, section 4.3): an
 * ASCII `filename` for old clients and `filename*` (RFC 8187, UTF-8) carrying the real name.
 * Quotes, backslashes and control characters never reach the header.
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'attachment';
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
