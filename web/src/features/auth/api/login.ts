import { useMutation } from '@tanstack/react-query';
import type { AuthTokens, LoginRequest } from '@aiparksit/shared';
import { publicRequest } from '../../../lib/api-client';
import { startSession } from '../../../lib/session';

export function login(body: LoginRequest): Promise<AuthTokens> {
  return publicRequest<AuthTokens>('/api/auth/login', { method: 'POST', body });
}

export const loginMutation = {
  mutationKey: ['auth', 'login'],
  mutationFn: login,
  onSuccess: startSession,
} as const;

export function useLogin() {
  return useMutation(loginMutation);
}
