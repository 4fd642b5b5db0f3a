import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccountState, AccountsPage, AccountView, AdminCreatableRole, CreateAccountRequest, Role } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';

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
  const { role, state, ...rest } = query;
  return unwrap(api.GET('/api/admin/accounts', { params: { query: { ...rest, role: role || undefined, state: state || undefined } }, signal }));
}

export function accountListOptions(query: AccountQuery) {
  return queryOptions({ queryKey: accountKeys.list(query), queryFn: ({ signal }) => listAccounts(query, signal), staleTime: 5_000 });
}

export function useAccounts(query: AccountQuery) {
  return useQuery({ ...accountListOptions(query), placeholderData: keepPreviousData });
}

export function createAccount(body: CreateAccountRequest & { role: AdminCreatableRole }): Promise<AccountView> {
  return unwrap(api.POST('/api/admin/accounts', { body }));
}

export type AccountChange = 'disable' | 'enable' | 'invitation';

/** POST /api/admin/accounts/:id/disable, /enable, or /invitation (a new invitation email). */
export function changeAccount({ id, change }: { id: string; change: AccountChange }): Promise<AccountView> {
  return unwrap(api.POST(`/api/admin/accounts/{id}/${change}`, { params: { path: { id } } }));
}

/** Any change to an account: every list (each filter and page) is refetched afterwards. */
export function useAccountMutation<TInput>(mutate: (input: TInput) => Promise<AccountView>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: mutate, onSuccess: () => queryClient.invalidateQueries({ queryKey: accountKeys.all }) });
}
