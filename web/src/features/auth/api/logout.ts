import { useMutation } from '@tanstack/react-query';
import type { LogoutRequest } from '@aiparksit/shared';
import { publicApi, unwrap } from '../../../lib/api-client';
import { currentRefreshToken, endSession } from '../../../lib/session';

export function logout(body: LogoutRequest): Promise<void> {
  return unwrap(publicApi.POST('/api/auth/logout', { body }));
}

/** Revokes the refresh token on the server; the tab signs out even if the server cannot be reached. */
export async function signOut(): Promise<void> {
  const refreshToken = currentRefreshToken();
  try {
    if (refreshToken) await logout({ refreshToken });
  } finally {
    endSession('signed-out');
  }
}

export const logoutMutation = {
  mutationKey: ['auth', 'logout'],
  mutationFn: signOut,
} as const;

/** Cached data of the ended session is cleared by AppProviders, whatever ended it. */
export function useLogout() {
  return useMutation(logoutMutation);
}
