import { DASHBOARD_REFETCH_MS } from '@aiparksit/shared';

/**
 * Dashboard figures are aggregates no single event updates: their queries refetch every
 * DASHBOARD_REFETCH_MS even while the socket is live, and not while the tab is hidden.
 * Use as `useQuery(withDashboardRefresh(queryOptions({ ... })))`.
 */
export function withDashboardRefresh<TOptions extends object>(options: TOptions): TOptions & { refetchInterval: number; refetchIntervalInBackground: false } {
  return { ...options, refetchInterval: DASHBOARD_REFETCH_MS, refetchIntervalInBackground: false };
}
