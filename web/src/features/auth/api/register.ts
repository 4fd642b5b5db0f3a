import { useMutation } from '@tanstack/react-query';
import type { RegisterRequest, RegistrationAccepted } from '@aiparksit/shared';
import { publicApi, unwrap } from '../../../lib/api-client';

/** Answers the same for a new and a taken address; the account is finished by the emailed link. */
export function register(body: RegisterRequest): Promise<RegistrationAccepted> {
  return unwrap(publicApi.POST('/api/auth/register', { body }));
}

export const registerMutation = {
  mutationKey: ['auth', 'register'],
  mutationFn: register,
} as const;

export function useRegister() {
  return useMutation(registerMutation);
}
