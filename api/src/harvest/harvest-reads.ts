import { createHash } from 'node:crypto';

/** What a protected route serves: one facility (by its `:id`), or one page of results. */
export type HarvestedRead = 'facility' | 'marketplace-page';

/** The metadata key `@HarvestProtected()` sets: the HarvestedRead of the route. */
export const HARVEST_PROTECTED = 'aiparksit:harvestProtected';

/**
 * The identity of what one request reads, counted once per client in the window however often
 * it is read again: a facility by id (its detail and its availability count as one), a result
 * page by its route and whole query, cursor included (sorted, so parameter order does not
 * matter). Returns undefined when there is nothing to count (no id: the route answers 400 anyway).
 */
export function readIdentity(
  read: HarvestedRead,
  { route, params, query }: { route: string; params?: Record<string, unknown> | undefined; query?: Record<string, unknown> | undefined },
): string | undefined {
  if (read === 'facility') {
    const id = params?.['id'];
    return typeof id === 'string' && id !== '' ? facilityRead(id) : undefined;
  }
  const pairs = Object.entries(query ?? {})
    .flatMap(([name, value]) => (Array.isArray(value) ? value.map((v) => [name, String(v)]) : [[name, String(value)]]))
    .sort(([a, x], [b, y]) => (a! < b! ? -1 : a! > b! ? 1 : x! < y! ? -1 : x! > y! ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
  return `page:${createHash('sha256').update(`${route}?${pairs}`).digest('hex').slice(0, 24)}`;
}

/**
 * The facilities a result page showed (`results[].facility.id` of a marketplace page,
 * `results[].id` of a catalogue page, `alternatives[].facility.id` of a facility's alternatives),
 * so a client is counted for every distinct facility it was shown: re-running a search over the
 * same area adds little, tiling a city adds a lot.
 */
export function facilityIdsServed(body: unknown): string[] {
  const page = body as { results?: unknown; alternatives?: unknown } | null;
  const results = page?.results ?? page?.alternatives;
  if (!Array.isArray(results)) return [];
  const ids: string[] = [];
  for (const result of results as { id?: unknown; facility?: { id?: unknown } }[]) {
    const id = result?.facility?.id ?? result?.id;
    if (typeof id === 'string') ids.push(facilityRead(id));
  }
  return ids;
}

function facilityRead(id: string): string {
  return `facility:${id.toLowerCase()}`;
}
