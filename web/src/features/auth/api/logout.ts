import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LogoutRequest } from '@aiparksit/shared';
import { publicRequest } from '../../../lib/api-client';
import { currentRefreshToken, endSession } from '../../../lib/session';

export function logout(body: LogoutRequest): Promise<void> {
  return publicRequest<void>('/api/auth/logout', { method: 'POST', body });
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

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['auth', 'logout'],
    mutationFn: signOut,
    // Nothing of the previous person's data may show for the next one.
    onSettled: () => queryClient.clear(),
  });
}
