import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountState, AccountsPage, AccountView, AdminCreatableRole, CreateAccountRequest, Role } from '@aiparksit/shared';
import { apiRequest } from '../../../lib/api-client';
import { toQueryString } from '../../../lib/query-string';

export interface AccountQuery {
  q: string;
  role: Role | '';
  state: AccountState | '';
  page: number;
  pageSize: number;
}

export const accountKeys = {
  all: ['admin', 'accounts'] as const,
  list: (query: AccountQuery) => ['admin', 'accounts', 'list', query] as const,
};

/** GET /api/admin/accounts: newest first; empty filters are left out of the query string. */
export function listAccounts(query: AccountQuery, signal?: AbortSignal): Promise<AccountsPage> {
  return apiRequest(`/api/admin/accounts${toQueryString(query)}`, { signal });
}

export function accountListOptions(query: AccountQuery) {
  return queryOptions({ queryKey: accountKeys.list(query), queryFn: ({ signal }) => listAccounts(query, signal), staleTime: 5_000 });
}

export function useAccounts(query: AccountQuery) {
  return useQuery({ ...accountListOptions(query), placeholderData: keepPreviousData });
}

export function createAccount(body: CreateAccountRequest & { role: AdminCreatableRole }): Promise<AccountView> {
  return apiRequest('/api/admin/accounts', { method: 'POST', body });
}

export type AccountChange = 'disable' | 'enable' | 'invitation';

/** POST /api/admin/accounts/:id/disable, /enable, or /invitation (a new invitation email). */
export function changeAccount({ id, change }: { id: string; change: AccountChange }): Promise<AccountView> {
  return apiRequest(`/api/admin/accounts/${encodeURIComponent(id)}/${change}`, { method: 'POST' });
}

/** Any change to an account: every list (each filter and page) is refetched afterwards. */
export function useAccountMutation<TInput>(mutate: (input: TInput) => Promise<AccountView>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: mutate, onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }) });
}
