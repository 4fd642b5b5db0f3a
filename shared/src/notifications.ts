import type { MetricsComparison, ReportType } from './metrics.js';

/** `POST /api/notifications/email` (admin): a templated email to one user. */
export const EMAIL_TEMPLATES = ['booking_confirmation', 'account_notice', 'investor-report'] as const;
export type EmailTemplate = (typeof EMAIL_TEMPLATES)[number];

export interface SendEmailRequest {
  userId: string;
  template: EmailTemplate;
  /** For `account_notice`: the subject and the message body (plain text). */
  subject?: string;
  message?: string;
  /** For `booking_confirmation`: the booking to confirm again. */
  bookingId?: string;
  /**
   * For `investor-report` (investors for themselves, admins for any investor or admin): the
   * report, rendered as a PDF by the outbox and sent as an attachment.
   */
  report?: { type: ReportType; from: string; to: string; comparison?: MetricsComparison };
}

export interface OutboxReceipt {
  outboxId: string;
  status: 'pending' | 'sent' | 'failed';
}

/** A message delivered to the local mailbox (when no SMTP_URL is set), as an admin reads it. */
export interface MailboxMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  sentAt: string;
  /** Files sent with it (inline images excluded); `GET /api/notifications/mailbox/:id/attachments/:attachmentId` downloads one. */
  attachments: MailboxAttachment[];
}

export interface MailboxAttachment {
  id: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
}

/** `GET /api/notifications/mailbox` (admin): newest first. */
export interface MailboxQuery {
  page?: number;
  pageSize?: number;
  /** Only messages to this address (case-insensitive). */
  to?: string;
}
