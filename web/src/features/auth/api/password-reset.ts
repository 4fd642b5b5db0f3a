import { useMutation } from '@tanstack/react-query';
import type { PasswordResetConfirmRequest, PasswordResetRequest, RegistrationAccepted } from '@aiparksit/shared';
import { publicApi, unwrap } from '../../../lib/api-client';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export function requestPasswordReset(body: PasswordResetRequest): Promise<RegistrationAccepted> {
  return unwrap(publicApi.POST('/api/auth/password-reset', { body }));
}

/** Sets the new password with the emailed token; every session of the account ends, so the person signs in again. */
export function confirmPasswordReset(body: PasswordResetConfirmRequest): Promise<void> {
  return unwrap(publicApi.POST('/api/auth/password-reset/confirm', { body }));
}

export function useRequestPasswordReset() {
  return useMutation({ mutationKey: ['auth', 'password-reset'], mutationFn: requestPasswordReset });
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationKey: ['auth', 'password-reset', 'confirm'], mutationFn: confirmPasswordReset });
}
