import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { MailboxMessage, OutboxReceipt, Page, SendEmailRequest } from '@aiparksit/shared';
import { OutboxService } from '../outbox/index.js';
import { MailSender } from './delivery/mail-sender.js';
import { EmailHandlers } from './email-handlers.js';
import { ACCOUNT_NOTICE_EMAIL, BOOKING_CONFIRMATION_EMAIL, type AccountNoticePayload, type BookingConfirmationPayload } from './email-kinds.js';
import { toMailboxMessage } from './notification.records.js';
import { NotificationsException } from './notifications.exception.js';
import { NotificationsRepository } from './notifications.repository.js';

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

  /** An admin's templated email to one user: written to the outbox and sent by the worker. */
  async send(request: SendEmailRequest): Promise<OutboxReceipt> {
    const recipient = await this.repository.findRecipient(request.userId);
    if (!recipient) throw new NotificationsException('recipient_not_found', 'No such user.', { field: 'userId' });

    let enqueued;
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
    } else {
      const payload: AccountNoticePayload = { userId: recipient.id, subject: request.subject!, message: request.message! };
      enqueued = await this.outbox.enqueue(ACCOUNT_NOTICE_EMAIL, payload);
    }
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
}
