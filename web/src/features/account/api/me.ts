import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UserView } from '@aiparksit/shared';
import { apiRequest } from '../../../lib/api-client';

export function getMe(signal?: AbortSignal): Promise<UserView> {
  return apiRequest<UserView>('/api/auth/me', { signal });
}

export const meQueryOptions = queryOptions({
  queryKey: ['auth', 'me'],
  queryFn: ({ signal }) => getMe(signal),
});

export function useMe() {
  return useQuery(meQueryOptions);
}
