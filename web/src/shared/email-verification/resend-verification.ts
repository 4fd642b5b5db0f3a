import { useMutation } from '@tanstack/react-query';
import type { RegistrationAccepted, ResendVerificationRequest } from '@aiparksit/shared';
import { api, unwrap } from '../../lib/api-client';

/** Asks for a new confirmation link; the answer is the same whether or not the address has an account. */
export function resendVerification(body: ResendVerificationRequest): Promise<RegistrationAccepted> {
  return unwrap(api.POST('/api/auth/resend-verification', { body }));
}

export function useResendVerification() {
  return useMutation({ mutationKey: ['auth', 'resend-verification'], mutationFn: resendVerification });
}
