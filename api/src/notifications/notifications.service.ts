import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import { METRICS_MAX_PERIOD_DAYS, type MailboxMessage, type OutboxReceipt, type Page, type SendEmailRequest } from '@aiparksit/shared';
import type { UserPrincipal } from '../access/index.js';
import { OutboxService, type EnqueuedMessage } from '../outbox/index.js';
import { MailSender } from './delivery/mail-sender.js';
import { EmailHandlers, REPORT_RECIPIENT_ROLES } from './email-handlers.js';
import {
  ACCOUNT_NOTICE_EMAIL,
  BOOKING_CONFIRMATION_EMAIL,
  INVESTOR_REPORT_EMAIL,
  SYSTEM_TEST_EMAIL,
  type AccountNoticePayload,
  type BookingConfirmationPayload,
  type InvestorReportPayload,
  type SystemTestEmailPayload,
} from './email-kinds.js';
import { toMailboxMessage, type MailboxAttachmentFile, type RecipientRecord } from './notification.records.js';
import { NotificationsException } from './notifications.exception.js';
import { NotificationsRepository } from './notifications.repository.js';
import { fieldError } from '../common/errors/index.js';

/**
 * Investor reports one recipient may have waiting at once. Each is a PDF to print: without a cap,
 * one caller could keep the renderer busy for everyone. Soft (two requests at once may both pass).
 */
export const MAX_PENDING_REPORT_EMAILS = 3;

@Injectable()
export class NotificationsService implements OnModuleInit {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly repository: NotificationsRepository,
    private readonly outbox: OutboxService,
    private readonly handlers: EmailHandlers,
    private readonly sender: MailSender,
  ) {}

  onModuleInit(): void {
    for (const handler of this.handlers.all()) this.outbox.registerHandler(handler);
    this.logger.log(`Emails are delivered to the ${this.sender.name}`);
  }

  /**
   * A templated email to one user, written to the outbox and sent by the worker. Admins send any
   * template to anyone; an investor may only have an investor report sent to themselves.
   */
  async send(caller: UserPrincipal, request: SendEmailRequest): Promise<OutboxReceipt> {
    if (caller.role !== 'admin') {
      if (request.template !== 'investor-report') throw new NotificationsException('template_not_allowed', 'Only admins may send this email.');
      if (request.userId.toLowerCase() !== caller.userId) throw new NotificationsException('recipient_not_allowed', 'You may send reports to yourself only.');
    }
    const recipient = await this.repository.findRecipient(request.userId);
    if (!recipient) throw new NotificationsException('recipient_not_found', 'No such user.', { field: 'userId' });

    let enqueued: EnqueuedMessage;
    if (request.template === 'booking_confirmation') {
      const booking = request.bookingId ? await this.repository.findBookingOwnership(request.bookingId) : undefined;
      if (!booking || booking.driverId !== recipient.id) {
        throw new NotificationsException('booking_not_found', 'This user has no such booking.', { field: 'bookingId' });
      }
      if (booking.status !== 'confirmed' && booking.status !== 'completed') {
        throw new NotificationsException('booking_not_confirmed', `The booking is ${booking.status.replace('_', ' ')}: there is nothing to confirm.`, {
          field: 'bookingId',
          status: booking.status,
        });
      }
      enqueued = await this.outbox.enqueue(BOOKING_CONFIRMATION_EMAIL, { bookingId: booking.id } satisfies BookingConfirmationPayload);
    } else if (request.template === 'investor-report') {
      enqueued = await this.outbox.enqueue(INVESTOR_REPORT_EMAIL, await this.investorReportPayload(recipient, request));
    } else {
      const payload: AccountNoticePayload = { userId: recipient.id, subject: request.subject!, message: request.message! };
      enqueued = await this.outbox.enqueue(ACCOUNT_NOTICE_EMAIL, payload);
    }
    this.outbox.trigger();
    return { outboxId: enqueued.id, status: enqueued.status };
  }

  private async investorReportPayload(recipient: RecipientRecord, request: SendEmailRequest): Promise<InvestorReportPayload> {
    const report = request.report!;
    const from = DateTime.fromISO(report.from, { zone: 'UTC' });
    const to = DateTime.fromISO(report.to, { zone: 'UTC' });
    const days = to.diff(from, 'days').days + 1;
    if (days < 1) throw periodError('report.to', 'to must not be before from');
    if (days > METRICS_MAX_PERIOD_DAYS) throw periodError('report.to', `the period may cover at most ${METRICS_MAX_PERIOD_DAYS} days`);
    const account = await this.repository.findReportRecipient(recipient.id);
    if (!account || account.disabled || !REPORT_RECIPIENT_ROLES.has(account.role)) {
      throw new NotificationsException('recipient_not_investor', 'Investor reports go to active investor or admin accounts only.', { field: 'userId' });
    }
    if ((await this.repository.countPendingReportEmails(recipient.id)) >= MAX_PENDING_REPORT_EMAILS) {
      throw new NotificationsException(
        'report_emails_pending',
        `${MAX_PENDING_REPORT_EMAILS} reports for this recipient are still being prepared; ask again once they have arrived.`,
        { retryAfterSeconds: 60 },
      );
    }
    return { userId: recipient.id, report: { type: report.type, from: report.from, to: report.to, comparison: report.comparison ?? 'previous_period' } };
  }

  /** The status page's test email to `to`, through the outbox and the real delivery like every email. */
  async sendTestEmail(to: string, requestedBy: string, instance: string): Promise<OutboxReceipt> {
    const payload: SystemTestEmailPayload = { to, requestedBy, requestedAt: new Date().toISOString(), instance };
    const enqueued = await this.outbox.enqueue(SYSTEM_TEST_EMAIL, payload);
    this.outbox.trigger();
    return { outboxId: enqueued.id, status: enqueued.status };
  }

  async listMailbox(page: number, pageSize: number, to?: string): Promise<Page<MailboxMessage>> {
    const { items, total } = await this.repository.listMailbox((page - 1) * pageSize, pageSize, to);
    return { items: items.map(toMailboxMessage), page, pageSize, total };
  }

  async mailboxMessage(id: string): Promise<MailboxMessage> {
    const record = await this.repository.findMailboxMessage(id);
    if (!record) throw new NotificationsException('mailbox_message_not_found', 'No such message in the mailbox.');
    return toMailboxMessage(record);
  }

  async mailboxAttachment(messageId: string, attachmentId: string): Promise<MailboxAttachmentFile> {
    const file = await this.repository.findMailboxAttachment(messageId, attachmentId);
    if (!file) throw new NotificationsException('mailbox_attachment_not_found', 'No such attachment in the mailbox.');
    return file;
  }
}

function periodError(field: string, message: string): NotificationsException {
  return new NotificationsException('invalid_report_period', `Invalid report period: ${message}.`, {
    fields: [fieldError(field, 'invalid', undefined, message)],
  });
}
