import { useMutation } from '@tanstack/react-query';
import type { AcceptInvitationRequest, AuthTokens } from '@aiparksit/shared';
import { publicApi, unwrap } from '../../../lib/api-client';
import { startSession } from '../../../lib/session';

/** Sets the invited account's password with the emailed token; the answer signs the person in. */
export function acceptInvitation(body: AcceptInvitationRequest): Promise<AuthTokens> {
  return unwrap(publicApi.POST('/api/auth/invitations/accept', { body }));
}

export function useAcceptInvitation() {
  return useMutation({ mutationKey: ['auth', 'accept-invitation'], mutationFn: acceptInvitation, onSuccess: startSession });
}
