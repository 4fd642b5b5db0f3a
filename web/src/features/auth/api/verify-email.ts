import { useMutation } from '@tanstack/react-query';
import type { AuthTokens, VerifyEmailRequest } from '@aiparksit/shared';
import { publicApi, unwrap } from '../../../lib/api-client';
import { startSession } from '../../../lib/session';

/** Confirms the address with the token from the emailed link; the answer signs the person in. */
export function verifyEmail(body: VerifyEmailRequest): Promise<AuthTokens> {
  return unwrap(publicApi.POST('/api/auth/verify-email', { body }));
}

export const verifyEmailMutation = {
  mutationKey: ['auth', 'verify-email'],
  mutationFn: verifyEmail,
  onSuccess: startSession,
} as const;

export function useVerifyEmail() {
  return useMutation(verifyEmailMutation);
}
