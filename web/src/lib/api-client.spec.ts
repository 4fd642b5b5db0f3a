import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { AuthTokens } from '@aiparksit/shared';
import { api, apiRequest, idempotent, unwrap } from './api-client';
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

/** A stand-in for the API: /me wants the current access token, /refresh rotates. */
function fakeApi(options: { refreshAnswers: 'rotate' | 'refuse' }) {
  let issued = 1;
  const refreshBodies: string[] = [];
  const fetchMock = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    if (path === '/api/auth/refresh') {
      refreshBodies.push(String(init?.body));
      if (options.refreshAnswers === 'refuse') return json(401, unauthorized);
      issued += 1;
      return json(200, tokens(issued));
    }
    const auth = new Headers(init?.headers).get('authorization');
    if (auth !== `Bearer access-${issued}` || issued === 1) return json(401, unauthorized);
    return json(200, { ok: auth });
  });
  return { fetchMock, refreshBodies };
}

describe('apiRequest', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => store.set(key, value),
      removeItem: (key: string) => store.delete(key),
    };
    startSession(tokens(1));
  });

  afterEach(() => {
    delete (globalThis as { fetch?: unknown }).fetch;
  });

  it('renews the session once for requests that hit 401 together, and retries each with the new token', async () => {
    const api = fakeApi({ refreshAnswers: 'rotate' });
    globalThis.fetch = api.fetchMock as typeof fetch;

    const answers = await Promise.all([apiRequest('/api/a'), apiRequest('/api/b'), apiRequest('/api/c')]);

    expect(answers).toEqual([{ ok: 'Bearer access-2' }, { ok: 'Bearer access-2' }, { ok: 'Bearer access-2' }]);
    expect(api.refreshBodies).toEqual([JSON.stringify({ refreshToken: 'refresh-1' })]);
    expect(getAccessToken()).toBe('access-2');
    expect(localStorage.getItem('aiparksit.refreshToken')).toBe('refresh-2');
  });

  it('ends the session as expired and rejects with the 401 when renewal is refused', async () => {
    const api = fakeApi({ refreshAnswers: 'refuse' });
    globalThis.fetch = api.fetchMock as typeof fetch;

    const failure = apiRequest('/api/a');

    await expect(failure).rejects.toBeInstanceOf(ApiError);
    await expect(failure).rejects.toMatchObject({ status: 401 });
    expect(getSession()).toEqual({ status: 'signed-out', reason: 'expired' });
    expect(localStorage.getItem('aiparksit.refreshToken')).toBeNull();
  });

  it('passes other errors through without touching the session', async () => {
    globalThis.fetch = jest.fn(async () => json(403, { statusCode: 403, error: 'Forbidden', message: 'Not yours.', requestId: 'r2' })) as typeof fetch;

    await expect(apiRequest('/api/a')).rejects.toMatchObject({ status: 403, message: 'Not yours.' });
    expect(getSession()).toMatchObject({ status: 'signed-in' });
  });
});

describe('api (the typed client)', () => {
  beforeEach(() => {
    const store = new Map<string, string>();
    (globalThis as { localStorage?: unknown }).localStorage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => store.set(key, value),
      removeItem: (key: string) => store.delete(key),
    };
    startSession(tokens(1));
  });

  afterEach(() => {
    delete (globalThis as { fetch?: unknown }).fetch;
  });

  /** The API for the typed client: requests arrive as Request objects, /refresh as a path from the session. */
  function typedApi(options: { refreshAnswers: 'rotate' | 'refuse' }) {
    let issued = 1;
    const seen: { url: string; method: string; auth: string | null; body: string; idempotencyKey: string | null }[] = [];
    const fetchMock = jest.fn(async (input: RequestInfo | URL) => {
      if (String(input) === '/api/auth/refresh') {
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
    return { fetchMock, seen };
  }

  it('sends the bearer, renews once on 401 for calls that hit it together, and retries each with its body', async () => {
    const fake = typedApi({ refreshAnswers: 'rotate' });
    globalThis.fetch = fake.fetchMock as typeof fetch;

    const [created, listed] = await Promise.all([
      unwrap(api.POST('/api/api-keys', { body: { name: 'Fleet sync' }, headers: idempotent('key-1') })),
      unwrap(api.GET('/api/admin/accounts', { params: { query: { page: 2 } } })),
    ]);

    expect(created).toMatchObject({ auth: 'Bearer access-2' });
    expect(listed).toMatchObject({ auth: 'Bearer access-2', query: '?page=2' });
    expect(fake.fetchMock.mock.calls.filter(([input]) => String(input) === '/api/auth/refresh')).toHaveLength(1);
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
