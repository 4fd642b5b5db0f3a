import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { JoinWaitlistRequest, WaitlistEntryList, WaitlistEntryView } from '@aiparksit/shared';
import { api, unwrap } from '../../lib/api-client';
import { useRealtimeEvent } from '../../lib/socket';
import { isStillInLine } from './waitlist-status';
import { waitlistKeys } from './waitlist-keys';

/**
 * How often the driver's entries are read again while one waits or holds an offer. The offer is
 * also announced live on the driver's socket (`waitlist_offered`), which reads them at once; this
 * is for when the socket is down, and for a hold that lapses or is paid elsewhere.
 */
export const WAITLIST_REFRESH_MS = 5_000;

/** GET /api/waitlist: the driver's own entries, newest first. */
export function listWaitlist(signal?: AbortSignal): Promise<WaitlistEntryList> {
  return unwrap(api.GET('/api/waitlist', { signal }));
}

/** GET /api/waitlist/:id: one of the driver's entries. */
export function getWaitlistEntry(id: string, signal?: AbortSignal): Promise<WaitlistEntryView> {
  return unwrap(api.GET('/api/waitlist/{id}', { params: { path: { id } }, signal }));
}

/** POST /api/waitlist: join the line for a stay at a full car park. */
export function joinWaitlist(body: JoinWaitlistRequest): Promise<WaitlistEntryView> {
  return unwrap(api.POST('/api/waitlist', { body }));
}

/** Read again every WAITLIST_REFRESH_MS while some entry waits or holds an offer, and not at all otherwise. */
export function waitlistOptions() {
  return queryOptions({
    queryKey: waitlistKeys.list(),
    queryFn: ({ signal }) => listWaitlist(signal),
    refetchInterval: (query) => (query.state.data?.items.some(isStillInLine) ? WAITLIST_REFRESH_MS : false),
  });
}

/** The driver's entries; `enabled` false for anyone who is not a signed-in driver. */
export function useWaitlist(enabled = true) {
  const queryClient = useQueryClient();
  // A space held for this driver: read the entries at once rather than at the next refresh.
  useRealtimeEvent('waitlist_offered', () => void queryClient.invalidateQueries({ queryKey: waitlistKeys.all }));
  return useQuery({ ...waitlistOptions(), enabled });
}

export function waitlistEntryOptions(id: string) {
  return queryOptions({ queryKey: waitlistKeys.detail(id), queryFn: ({ signal }) => getWaitlistEntry(id, signal) });
}

export function useJoinWaitlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['waitlist', 'join'],
    mutationFn: joinWaitlist,
    onSuccess: (entry) => {
      queryClient.setQueryData(waitlistKeys.detail(entry.id), entry);
      return queryClient.invalidateQueries({ queryKey: waitlistKeys.list() });
    },
  });
}
