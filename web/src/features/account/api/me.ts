import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiKeyPrincipalView, UserView } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';

/**
 * GET /api/auth/me. The endpoint also answers API-key callers with an ApiKeyPrincipalView; the
 * SPA always sends a person's bearer token, so anything else means the contract changed.
 */
export async function getMe(signal?: AbortSignal): Promise<UserView> {
  const principal: UserView | ApiKeyPrincipalView = await unwrap(api.GET('/api/auth/me', { signal }));
  if ('kind' in principal) throw new Error('GET /api/auth/me answered for an API key, not for the signed-in person.');
  return principal;
}

export const meQueryOptions = queryOptions({
  queryKey: ['auth', 'me'],
  queryFn: ({ signal }) => getMe(signal),
});

export function useMe() {
  return useQuery(meQueryOptions);
}
