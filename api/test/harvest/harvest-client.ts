import request from 'supertest';

/** A browser a person uses: a real user agent and an Accept-Language. */
export const BROWSER = {
  'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'accept-language': 'de-DE,de;q=0.9,en;q=0.8',
};

/** A command-line tool, as scrapers often are: its own user agent, no Accept-Language. */
export const CURL = { 'user-agent': 'curl/8.5.0' };

/** A window tomorrow, on the hour, as the SPA's picker gives. */
export function windowTomorrow(startHour: number, hours: number): { start: string; end: string } {
  const start = new Date();
  start.setUTCDate(start.getUTCDate() + 1);
  start.setUTCHours(startHour, 0, 0, 0);
  return { start: start.toISOString(), end: new Date(start.getTime() + hours * 3_600_000).toISOString() };
}

/**
 * One client of an API behind a trusted proxy (TRUST_PROXY=127.0.0.1): its address is the one the
 * proxy forwards, its headers are its own. Each GET answers with supertest's response.
 */
export function clientOf(apiUrl: string, address: string, headers: Record<string, string>) {
  const get = (path: string, query: Record<string, string | number> = {}) =>
    request(apiUrl)
      .get(path)
      .query(query)
      .set({ ...headers, 'x-forwarded-for': address });
  return {
    marketplace: (query: Record<string, string | number>) => get('/api/proxy/marketplace', query),
    catalogue: (query: Record<string, string | number>) => get('/api/proxy/facilities', query),
    facility: (id: string) => get(`/api/facilities/${id}`),
    availability: (id: string, window: { start: string; end: string }) => get(`/api/facilities/${id}/availability`, window),
  };
}
