import { useMutation } from '@tanstack/react-query';
import type { AuthTokens, RegisterRequest } from '@aiparksit/shared';
import { publicRequest } from '../../../lib/api-client';
import { startSession } from '../../../lib/session';

export function register(body: RegisterRequest): Promise<AuthTokens> {
  return publicRequest<AuthTokens>('/api/auth/register', { method: 'POST', body });
}

export const registerMutation = {
  mutationKey: ['auth', 'register'],
  mutationFn: register,
  onSuccess: startSession,
} as const;

export function useRegister() {
  return useMutation(registerMutation);
}
