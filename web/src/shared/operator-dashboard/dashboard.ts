import { queryOptions, useQuery } from '@tanstack/react-query';
import type { OperatorDashboard } from '@aiparksit/shared';
import { api, unwrap } from '../../lib/api-client';
import { ApiError } from '../../lib/api-error';
import { withDashboardRefresh } from '../../lib/socket';

export const dashboardKeys = { summary: ['operator', 'dashboard'] as const };

/** GET /api/proxy/operator; null before onboarding has started (the API answers 404 then). */
export async function getDashboard(signal?: AbortSignal): Promise<OperatorDashboard | null> {
  try {
    return await unwrap(api.GET('/api/proxy/operator', { signal }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export function dashboardOptions() {
  return withDashboardRefresh(queryOptions({ queryKey: dashboardKeys.summary, queryFn: ({ signal }) => getDashboard(signal) }));
}

export function useDashboard() {
  return useQuery(dashboardOptions());
}
