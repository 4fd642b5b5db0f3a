import { useMutation } from '@tanstack/react-query';
import type { AuthTokens, LoginRequest } from '@aiparksit/shared';
import { publicApi, unwrap } from '../../../lib/api-client';
import { startSession } from '../../../lib/session';

export function login(body: LoginRequest): Promise<AuthTokens> {
  return unwrap(publicApi.POST('/api/auth/login', { body }));
}

export const loginMutation = {
  mutationKey: ['auth', 'login'],
  mutationFn: login,
  onSuccess: startSession,
} as const;

export function useLogin() {
  return useMutation(loginMutation);
}
