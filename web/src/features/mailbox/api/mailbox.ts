import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MailboxMessage } from '@aiparksit/shared';
import { apiRequest } from '../../../lib/api-client';

export const mailboxKeys = {
  all: ['mailbox'] as const,
  list: () => ['mailbox', 'list'] as const,
  message: (id: string) => ['mailbox', id] as const,
};

/** GET /api/notifications/mailbox (admin): messages delivered locally when no SMTP server is set. */
export function listMailbox(signal?: AbortSignal): Promise<MailboxMessage[]> {
  return apiRequest<MailboxMessage[]>('/api/notifications/mailbox', { signal });
}

/** GET /api/notifications/mailbox/:id. */
export function getMailboxMessage(id: string, signal?: AbortSignal): Promise<MailboxMessage> {
  return apiRequest<MailboxMessage>(`/api/notifications/mailbox/${encodeURIComponent(id)}`, { signal });
}

export const mailboxListOptions = queryOptions({ queryKey: mailboxKeys.list(), queryFn: ({ signal }) => listMailbox(signal) });

export function mailboxMessageOptions(id: string) {
  return queryOptions({ queryKey: mailboxKeys.message(id), queryFn: ({ signal }) => getMailboxMessage(id, signal) });
}

export function useMailbox() {
  return useQuery(mailboxListOptions);
}

export function useMailboxMessage(id: string) {
  return useQuery(mailboxMessageOptions(id));
}
