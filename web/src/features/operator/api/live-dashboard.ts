import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useOperatorFeed, useRealtimeResync } from '../../../lib/socket';
import { analyticsKeys } from '../../analytics';
import { dashboardKeys } from './dashboard';

/**
 * Keeps the dashboard's figures current: the summary and the charts are aggregates no single
 * event carries, so each `booking_created` or `revenue_updated` refetches them (the rollups
 * they read are written in the booking's own transaction, so the refetch sees the change).
 */
export function useLiveDashboard() {
  const feed = useOperatorFeed();
  const queryClient = useQueryClient();
  const newest = `${feed.bookings[0]?.id ?? ''}|${feed.lastEventAt ?? ''}`;
  useEffect(() => {
    if (newest === '|') return;
    void queryClient.invalidateQueries({ queryKey: dashboardKeys.summary });
    void queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
  }, [newest, queryClient]);
  useRealtimeResync(() => {
    void queryClient.invalidateQueries({ queryKey: dashboardKeys.summary });
    void queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
  });
  return feed;
}
