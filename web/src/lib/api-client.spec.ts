import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { AuthTokens } from '@aiparksit/shared';
import { apiRequest } from './api-client';
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
