import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { WaitlistEntryView } from '@aiparksit/shared';
import { api, unwrap } from '../../../lib/api-client';
import { waitlistKeys } from '../../../shared/waitlist';

/** DELETE /api/waitlist/:id: leaves the line (the entry stays, as `left`); 409 once it is no longer waiting. */
export function leaveWaitlist(id: string): Promise<WaitlistEntryView> {
  return unwrap(api.DELETE('/api/waitlist/{id}', { params: { path: { id } } }));
}

export function useLeaveWaitlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['waitlist', 'leave'],
    mutationFn: leaveWaitlist,
    onSuccess: (entry) => {
      queryClient.setQueryData(waitlistKeys.detail(entry.id), entry);
      return queryClient.invalidateQueries({ queryKey: waitlistKeys.list() });
    },
    // Refused because an offer came meanwhile: the list shows what the entry is now.
    onError: () => queryClient.invalidateQueries({ queryKey: waitlistKeys.list() }),
  });
}
