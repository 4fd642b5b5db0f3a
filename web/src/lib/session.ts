import { useSyncExternalStore } from 'react';
import type { AuthTokens, RefreshRequest, UserView } from '@aiparksit/shared';
import { ApiError } from './api-error';
import { publicApi, unwrap } from './public-api';

export type SignedOutReason = 'never-signed-in' | 'signed-out' | 'expired';

export type SessionState =
  | { status: 'restoring' }
  /** `never-signed-in`: this tab had no session; `signed-out`: the person chose to; `expired`: renewal failed. */
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'signed-in'; user: UserView };

// The refresh token survives a reload in localStorage; the short-lived access token stays in
// memory only. The API takes the refresh token in the body (no cookie), so storage is the choice.
const REFRESH_TOKEN_KEY = 'aiparksit.refreshToken';
const REFRESH_LOCK = 'aiparksit.refresh';

let state: SessionState = { status: 'signed-out', reason: 'never-signed-in' };
let accessToken: string | null = null;
let refreshInFlight: Promise<boolean> | null = null;
const listeners = new Set<() => void>();

function setState(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

function storedRefreshToken(): string | null {
  try {
    return localStorage.getItem(REFRESH_TOKEN_KEY);
  } catch {
    return null;
  }
}

function storeRefreshToken(token: string | null): void {
  try {
    if (token) localStorage.setItem(REFRESH_TOKEN_KEY, token);
    else localStorage.removeItem(REFRESH_TOKEN_KEY);
  } catch {
    // Private modes may refuse storage: the session then lasts as long as the tab.
  }
}

export function getSession(): SessionState {
  return state;
}

export function getAccessToken(): string | null {
  return accessToken;
}

export function subscribeToSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSession(): SessionState {
  return useSyncExternalStore(subscribeToSession, getSession, getSession);
}

/** Adopts the tokens a login, registration or refresh answered with. */
export function startSession(tokens: AuthTokens): void {
  accessToken = tokens.accessToken;
  storeRefreshToken(tokens.refreshToken);
  setState({ status: 'signed-in', user: tokens.user });
}

/** Forgets the tokens in this tab (the server-side logout is the auth feature's job). */
export function endSession(reason: SignedOutReason = 'signed-out'): void {
  accessToken = null;
  storeRefreshToken(null);
  setState({ status: 'signed-out', reason });
}

export function currentRefreshToken(): string | null {
  return storedRefreshToken();
}

/**
 * Trades the refresh token for new tokens. Single-flight: every caller that arrives while a
 * refresh is running waits for the same one, because the server rotates refresh tokens and
 * treats a second use of the old one as theft (it revokes the whole family).
 * Resolves true when the session was renewed, false when it ended.
 */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= withCrossTabLock(renew).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

async function renew(): Promise<boolean> {
  // Read inside the lock: another tab may have rotated the token while we waited.
  const refreshToken = storedRefreshToken();
  if (!refreshToken) {
    endSession(state.status === 'signed-in' ? 'expired' : 'never-signed-in');
    return false;
  }
  try {
    const body: RefreshRequest = { refreshToken };
    startSession(await unwrap(publicApi.POST('/api/auth/refresh', { body })));
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) {
      endSession(state.status === 'signed-in' ? 'expired' : 'never-signed-in');
    } else if (state.status === 'restoring') {
      // Server unreachable at start-up: keep the token so a later reload can still resume.
      accessToken = null;
      setState({ status: 'signed-out', reason: 'never-signed-in' });
    }
    return false;
  }
}

/** Tabs of one browser share the refresh token, so they take turns to rotate it. */
function withCrossTabLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(REFRESH_LOCK, task) : task();
}

/** At start-up: resume the session a stored refresh token still holds, if any. */
export async function restoreSession(): Promise<void> {
  if (!storedRefreshToken()) return;
  setState({ status: 'restoring' });
  await refreshSession();
}

// Signing out in one tab signs out the others.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key === REFRESH_TOKEN_KEY && event.newValue === null && state.status === 'signed-in') {
      accessToken = null;
      setState({ status: 'signed-out', reason: 'signed-out' });
    }
  });
}
