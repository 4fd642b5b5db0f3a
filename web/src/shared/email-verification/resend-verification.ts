import { useMutation } from '@tanstack/react-query';
import type { RegistrationAccepted, ResendVerificationRequest } from '@aiparksit/shared';
import { publicRequest } from '../../lib/api-client';

/** Asks for a new confirmation link; the answer is the same whether or not the address has an account. */
export function resendVerification(body: ResendVerificationRequest): Promise<RegistrationAccepted> {
  return publicRequest<RegistrationAccepted>('/api/auth/resend-verification', { method: 'POST', body });
}

export function useResendVerification() {
  return useMutation({ mutationKey: ['auth', 'resend-verification'], mutationFn: resendVerification });
}
