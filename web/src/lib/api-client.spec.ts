import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { AuthTokens } from '@aiparksit/shared';
import { api, download, idempotent, publicApi, unwrap } from './api-client';
import { ApiError } from './api-error';
import { getAccessToken, getSession, startSession } from './session';

function tokens(n: number): AuthTokens {
  return {
    accessToken: `access-${n}`,
    refreshToken: `refresh-${n}`,
    expiresIn: 900,
    user: { id: 'u1', email: 'dana@example.test', name: 'Dana', role: 'driver', createdAt: '2026-01-01T00:00:00Z', emailVerified: true },
  };
}

function json(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

const unauthorized = { statusCode: 401, error: 'Unauthorized', message: 'Sign in again.', requestId: 'r1' };

/** The path of what a client handed to fetch: the typed clients hand over Request objects. */
function pathOf(input: RequestInfo | URL): string {
  return input instanceof Request ? new URL(input.url).pathname : String(input);
}

function installStorage(): void {
  const store = new Map<string, string>();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => store.set(key, value),
    removeItem: (key: string) => store.delete(key),
  };
}

describe('api (the typed client)', () => {
  beforeEach(() => {
    installStorage();
    startSession(tokens(1));
  });

  afterEach(() => {
    delete (globalThis as { fetch?: unknown }).fetch;
  });

  /** The API for the typed client: requests arrive as Request objects, /refresh as a path from the session. */
  function typedApi(options: { refreshAnswers: 'rotate' | 'refuse' }) {
    let issued = 1;
    const seen: { url: string; method: string; auth: string | null; body: string; idempotencyKey: string | null }[] = [];
    const refreshBodies: string[] = [];
    const fetchMock = jest.fn(async (input: RequestInfo | URL) => {
      if (pathOf(input) === '/api/auth/refresh') {
        refreshBodies.push(await (input as Request).text());
        if (options.refreshAnswers === 'refuse') return json(401, unauthorized);
        issued += 1;
        return json(200, tokens(issued));
      }
      const request = input as Request;
      const auth = request.headers.get('authorization');
      seen.push({ url: request.url, method: request.method, auth, body: await request.text(), idempotencyKey: request.headers.get('idempotency-key') });
      if (auth !== `Bearer access-${issued}` || issued === 1) return json(401, unauthorized);
      return json(request.method === 'POST' ? 201 : 200, { id: 'k1', name: 'Fleet sync', auth, query: new URL(request.url).search });
    });
    return { fetchMock, seen, refreshBodies };
  }

  it('sends the Idempotency-Key as the header parameter the document declares for bookings', async () => {
    const fake = typedApi({ refreshAnswers: 'rotate' });
    globalThis.fetch = fake.fetchMock as typeof fetch;
    const body = { facilityId: 'f1', spaceType: 'standard' as const, start: '2027-01-01T08:00:00Z', end: '2027-01-01T10:00:00Z', vehiclePlate: 'B-AB 123' };

    await unwrap(api.POST('/api/bookings', { params: { header: idempotent('booking-key') }, body }));

    expect(fake.seen.map((request) => request.idempotencyKey)).toEqual(['booking-key', 'booking-key']);
  });

  it('sends the bearer, renews once on 401 for calls that hit it together, and retries each with its body', async () => {
    const fake = typedApi({ refreshAnswers: 'rotate' });
    globalThis.fetch = fake.fetchMock as typeof fetch;

    const [created, listed] = await Promise.all([
      unwrap(api.POST('/api/api-keys', { body: { name: 'Fleet sync' }, headers: idempotent('key-1') })),
      unwrap(api.GET('/api/admin/accounts', { params: { query: { page: 2 } } })),
    ]);

    expect(created).toMatchObject({ auth: 'Bearer access-2' });
    expect(listed).toMatchObject({ auth: 'Bearer access-2', query: '?page=2' });
    expect(fake.refreshBodies).toEqual([JSON.stringify({ refreshToken: 'refresh-1' })]);
    expect(getAccessToken()).toBe('access-2');
    expect(localStorage.getItem('aiparksit.refreshToken')).toBe('refresh-2');
    const posts = fake.seen.filter((request) => request.method === 'POST');
    expect(posts.map((request) => [request.auth, request.body, request.idempotencyKey])).toEqual([
      ['Bearer access-1', JSON.stringify({ name: 'Fleet sync' }), 'key-1'],
      ['Bearer access-2', JSON.stringify({ name: 'Fleet sync' }), 'key-1'],
    ]);
    expect(posts[0]?.url).toBe('http://localhost/api/api-keys');
  });

  it('rejects with the 401 as an ApiError and ends the session when renewal is refused', async () => {
    globalThis.fetch = typedApi({ refreshAnswers: 'refuse' }).fetchMock as typeof fetch;

    const failure = unwrap(api.GET('/api/api-keys'));

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 401, envelope: { requestId: 'r1' } });
    expect(getSession()).toEqual({ status: 'signed-out', reason: 'expired' });
  });

  it("turns an error envelope into an ApiError with its code and the server's Retry-After, without renewing", async () => {
    const envelope = {
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Slow down.',
      details: { code: 'rate_limited' },
      requestId: 'r9',
    };
    globalThis.fetch = jest.fn(
      async () => new Response(JSON.stringify(envelope), { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '30' } }),
    ) as typeof fetch;

    const failure = unwrap(api.GET('/api/system/status'));

    await expect(failure).rejects.toMatchObject({ status: 429, message: 'Slow down.', envelope, retryAfterSeconds: 30 });
    expect(globalThis.fetch).toHaveBeenCalledTimes(1);
    expect(getSession()).toMatchObject({ status: 'signed-in' });
  });

  it('resolves a 204 with no data, and a non-JSON failure (a proxy page) as an ApiError without envelope', async () => {
    globalThis.fetch = jest.fn(async () => new Response(null, { status: 204 })) as typeof fetch;
    await expect(unwrap(api.DELETE('/api/api-keys/{id}', { params: { path: { id: 'k1' } } }))).resolves.toBeUndefined();

    globalThis.fetch = jest.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'content-type': 'text/html' } })) as typeof fetch;
    await expect(unwrap(api.GET('/api/api-keys'))).rejects.toMatchObject({ status: 502, envelope: null });
  });
});

describe('publicApi (no session)', () => {
  beforeEach(() => {
    installStorage();
    startSession(tokens(1));
  });

  afterEach(() => {
    delete (globalThis as { fetch?: unknown }).fetch;
  });

  it('sends no bearer even while signed in, and answers a 401 as an ApiError without renewing', async () => {
    const seen: (string | null)[] = [];
    globalThis.fetch = jest.fn(async (input: RequestInfo | URL) => {
      seen.push((input as Request).headers.get('authorization'));
      return json(401, { ...unauthorized, message: 'Wrong email or password.' });
    }) as typeof fetch;

    const failure = unwrap(publicApi.POST('/api/auth/login', { body: { email: 'dana@example.test', password: 'wrong-password' } }));

    await expect(failure).rejects.toMatchObject({ status: 401, message: 'Wrong email or password.' });
    expect(seen).toEqual([null]);
    expect(globalThis.fetch).toHaveBeenCalledTimes(1);
    expect(getSession()).toMatchObject({ status: 'signed-in' });
  });

  it('resolves an empty 204 (logout) with no data', async () => {
    globalThis.fetch = jest.fn(async () => new Response(null, { status: 204 })) as typeof fetch;
    await expect(unwrap(publicApi.POST('/api/auth/logout', { body: { refreshToken: 'refresh-1' } }))).resolves.toBeUndefined();
  });
});

describe('download (files through the typed client)', () => {
  beforeEach(() => {
    installStorage();
    startSession(tokens(1));
  });

  afterEach(() => {
    delete (globalThis as { fetch?: unknown }).fetch;
  });

  it('reads the bytes with progress, names the file from Content-Disposition and sends the bearer and the query', async () => {
    const csv = 'reference,plate\nAP-1,B-AB 123\n';
    const seen: { auth: string | null; url: string; accept: string | null }[] = [];
    globalThis.fetch = jest.fn(async (input: RequestInfo | URL) => {
      const request = input as Request;
      seen.push({ auth: request.headers.get('authorization'), url: request.url, accept: request.headers.get('accept') });
      return new Response(csv, {
        status: 200,
        headers: { 'content-type': 'text/csv', 'content-length': String(csv.length), 'content-disposition': 'attachment; filename="bookings-2026-12-07.csv"' },
      });
    }) as typeof fetch;
    const progress: [number, number | null][] = [];

    const file = await download(
      api.GET('/api/operator/bookings.csv', { params: { query: { status: 'confirmed', facilityId: '' } }, headers: { accept: 'text/csv' }, parseAs: 'stream' }),
      (received, total) => progress.push([received, total]),
    );

    expect(file.fileName).toBe('bookings-2026-12-07.csv');
    expect(await file.blob.text()).toBe(csv);
    expect(file.blob.type).toBe('text/csv');
    expect(progress[0]).toEqual([0, csv.length]);
    expect(progress.at(-1)).toEqual([csv.length, csv.length]);
    expect(seen).toEqual([{ auth: 'Bearer access-1', url: 'http://localhost/api/operator/bookings.csv?status=confirmed', accept: 'text/csv' }]);
  });

  it("rejects with the server's envelope and Retry-After as an ApiError", async () => {
    const envelope = { statusCode: 429, error: 'Too Many Requests', message: 'One export a minute.', details: { code: 'rate_limited' }, requestId: 'r5' };
    globalThis.fetch = jest.fn(
      async () => new Response(JSON.stringify(envelope), { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '60' } }),
    ) as typeof fetch;

    const failure = download(
      api.POST('/api/reports/export', { body: { type: 'platform-overview', format: 'csv', from: '2026-11-01', to: '2026-11-30' }, parseAs: 'stream' }),
    );

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 429, envelope, retryAfterSeconds: 60 });
  });
});
