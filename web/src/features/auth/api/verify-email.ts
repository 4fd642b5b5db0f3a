import { useMutation } from '@tanstack/react-query';
import type { AuthTokens, VerifyEmailRequest } from '@aiparksit/shared';
import { publicRequest } from '../../../lib/api-client';
import { startSession } from '../../../lib/session';

/** Confirms the address with the token from the emailed link; the answer signs the person in. */
export function verifyEmail(body: VerifyEmailRequest): Promise<AuthTokens> {
  return publicRequest<AuthTokens>('/api/auth/verify-email', { method: 'POST', body });
}

export const verifyEmailMutation = {
  mutationKey: ['auth', 'verify-email'],
  mutationFn: verifyEmail,
  onSuccess: startSession,
} as const;

export function useVerifyEmail() {
  return useMutation(verifyEmailMutation);
}
