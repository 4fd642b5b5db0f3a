import { useEffect, useRef } from 'react';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import type { ConnectionState } from '@aiparksit/shared';
import { useOperatorFeed, useRealtimeResync } from './hooks';

/**
 * Refetches the given queries when the operator feed reports a booking or a revenue change, and
 * after the socket resyncs: lists and figures built from many bookings have no event of their
 * own to patch them with. Answers the feed's connection state, for the page to show.
 */
export function useRefetchOnOperatorEvents(queryKeys: readonly QueryKey[]): ConnectionState {
  const feed = useOperatorFeed();
  const queryClient = useQueryClient();
  const newest = `${feed.bookings[0]?.id ?? ''}|${feed.lastEventAt ?? ''}`;
  const keys = JSON.stringify(queryKeys);
  // Events from before the page opened are already in what it fetched on mounting.
  const seen = useRef(newest);
  useEffect(() => {
    if (newest === seen.current) return;
    seen.current = newest;
    for (const queryKey of JSON.parse(keys) as QueryKey[]) void queryClient.invalidateQueries({ queryKey });
  }, [newest, keys, queryClient]);
  useRealtimeResync(() => {
    for (const queryKey of queryKeys) void queryClient.invalidateQueries({ queryKey });
  });
  return feed.state;
}
