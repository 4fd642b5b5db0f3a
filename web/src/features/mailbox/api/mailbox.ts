import { keepPreviousData, queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { MailboxAttachment, MailboxMessage, MailboxQuery, Page } from '@aiparksit/shared';
import { api, download, unwrap } from '../../../lib/api-client';
import { saveFile } from '../../../lib/http';

export const mailboxKeys = {
  all: ['mailbox'] as const,
  list: (query: MailboxQuery) => ['mailbox', 'list', query] as const,
  message: (id: string) => ['mailbox', id] as const,
};

/** GET /api/notifications/mailbox (admin): messages delivered locally when no SMTP server is set. */
export function listMailbox(query: MailboxQuery, signal?: AbortSignal): Promise<Page<MailboxMessage>> {
  return unwrap(api.GET('/api/notifications/mailbox', { params: { query }, signal }));
}

/** GET /api/notifications/mailbox/:id. */
export function getMailboxMessage(id: string, signal?: AbortSignal): Promise<MailboxMessage> {
  return unwrap(api.GET('/api/notifications/mailbox/{id}', { params: { path: { id } }, signal }));
}

export function mailboxListOptions(query: MailboxQuery) {
  return queryOptions({ queryKey: mailboxKeys.list(query), queryFn: ({ signal }) => listMailbox(query, signal), staleTime: 5_000 });
}

export function mailboxMessageOptions(id: string) {
  return queryOptions({ queryKey: mailboxKeys.message(id), queryFn: ({ signal }) => getMailboxMessage(id, signal) });
}

export function useMailbox(query: MailboxQuery) {
  return useQuery({ ...mailboxListOptions(query), placeholderData: keepPreviousData });
}

export function useMailboxMessage(id: string) {
  return useQuery(mailboxMessageOptions(id));
}

/**
 * GET /api/notifications/mailbox/:id/attachments/:attachmentId, saved under the attachment's own
 * name. Fetched with the session's bearer token (a plain link would carry none) and handed to
 * the browser as a file.
 */
export async function downloadMailboxAttachment({ messageId, attachment }: { messageId: string; attachment: MailboxAttachment }): Promise<void> {
  const file = await download(
    api.GET('/api/notifications/mailbox/{id}/attachments/{attachmentId}', {
      params: { path: { id: messageId, attachmentId: attachment.id } },
      parseAs: 'stream',
    }),
  );
  saveFile(file, attachment.filename);
}

export function useDownloadMailboxAttachment() {
  return useMutation({ mutationFn: downloadMailboxAttachment });
}
