/** The shared API started by global setup. */
export function apiUrl(): string {
  const url = process.env['API_URL'];
  if (!url) throw new Error('API_URL is not set: system tests run under the system jest project.');
  return url;
}
