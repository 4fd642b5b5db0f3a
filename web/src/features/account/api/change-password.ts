import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordRequest } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';

/** Changes the signed-in person's password; other sessions end, this one goes on. */
export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return unwrap(api.POST('/api/auth/password', { body }));
}

export function useChangePassword() {
  return useMutation({ mutationKey: ['auth', 'change-password'], mutationFn: changePassword });
}
