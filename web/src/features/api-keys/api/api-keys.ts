import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiKeyView, CreateApiKeyRequest, CreatedApiKey } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';

export const apiKeyKeys = { list: ['api-keys'] as const };

/** GET /api/api-keys: the caller's own keys, revoked ones included; never the secret. */
export function listApiKeys(signal?: AbortSignal): Promise<ApiKeyView[]> {
  return unwrap(api.GET('/api/api-keys', { signal }));
}

/** POST /api/api-keys: the answer is the only time the whole key is shown. */
export function createApiKey(body: CreateApiKeyRequest): Promise<CreatedApiKey> {
  return unwrap(api.POST('/api/api-keys', { body }));
}

export function revokeApiKey(id: string): Promise<void> {
  return unwrap(api.DELETE('/api/api-keys/{id}', { params: { path: { id } } }));
}

export function apiKeysOptions() {
  return queryOptions({ queryKey: apiKeyKeys.list, queryFn: ({ signal }) => listApiKeys(signal) });
}

export function useApiKeys() {
  return useQuery(apiKeysOptions());
}

function useApiKeyChange<TInput, TResult>(change: (input: TInput) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: change, onSuccess: () => void queryClient.invalidateQueries({ queryKey: apiKeyKeys.list }) });
}

export const useCreateApiKey = () => useApiKeyChange(createApiKey);
export const useRevokeApiKey = () => useApiKeyChange(revokeApiKey);
