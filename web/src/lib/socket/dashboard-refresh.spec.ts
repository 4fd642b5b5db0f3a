import { describe, expect, it } from '@jest/globals';
import { DASHBOARD_REFETCH_MS } from '@aiparksit/shared';
import { withDashboardRefresh } from './dashboard-refresh';

describe('withDashboardRefresh', () => {
  it(`refetches every ${DASHBOARD_REFETCH_MS} ms while the tab is visible and keeps the rest of the options`, () => {
    const options = withDashboardRefresh({ queryKey: ['operator', 'revenue'], staleTime: 10_000 });
    expect(options).toEqual({ queryKey: ['operator', 'revenue'], staleTime: 10_000, refetchInterval: 30_000, refetchIntervalInBackground: false });
  });
});
