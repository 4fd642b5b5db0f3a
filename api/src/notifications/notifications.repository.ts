import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Raw, type Repository } from 'typeorm';
import { queryPrepared } from '../database/index.js';
import { MailboxMessageEntity } from './mailbox-message.entity.js';
import type { MailboxAttachment } from '@aiparksit/shared';
import type {
  BookingConfirmationRecord,
  BookingExtensionRecord,
  BookingOwnershipRecord,
  BookingPaymentRecord,
  BookingSeriesConfirmationRecord,
  MailboxAttachmentFile,
  MailboxRecord,
  NewMailboxMessage,
  RecipientRecord,
  ReportRecipientRecord,
} from './notification.records.js';

function toMailboxRecord(message: MailboxMessageEntity, attachments: MailboxAttachment[]): MailboxRecord {
  return {
    id: message.id,
    to: message.toAddress,
    subject: message.subject,
    text: message.textBody,
    html: message.htmlBody,
    sentAt: message.sentAt,
    attachments,
  };
}

/**
 * The notifications module's I/O: recipients, what a confirmation shows, the local mailbox.
 * Mailbox reads go through the entity; the joins behind an email and the idempotent insert
 * (ON CONFLICT on the outbox row) are SQL.
 */
@Injectable()
export class NotificationsRepository {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(MailboxMessageEntity) private readonly mailbox: Repository<MailboxMessageEntity>,
  ) {}

  async findRecipient(userId: string): Promise<RecipientRecord | undefined> {
    const rows: RecipientRecord[] = await this.dataSource.query(`SELECT id, email::text AS email, name FROM users WHERE id = $1`, [userId]);
    return rows[0];
  }

  async findReportRecipient(userId: string): Promise<ReportRecipientRecord | undefined> {
    const rows: ReportRecipientRecord[] = await this.dataSource.query(
      `SELECT id, email::text AS email, name, role::text AS role, disabled_at IS NOT NULL AS disabled FROM users WHERE id = $1`,
      [userId],
    );
    return rows[0];
  }

  /** Investor reports asked for (not monthly ones) still waiting in the outbox for this recipient. */
  async countPendingReportEmails(userId: string): Promise<number> {
    const rows: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM outbox
        WHERE status = 'pending' AND kind = 'email.investor_report' AND payload->>'userId' = $1 AND NOT payload ? 'subscriptionId'`,
      [userId],
    );
    return rows[0]!.count;
  }

  /** Whether a monthly subscription still exists: one removed after its email was queued stops that email too. */
  async reportSubscriptionExists(subscriptionId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM report_subscriptions WHERE id = $1`, [subscriptionId]);
    return rows.length > 0;
  }

  async findBookingOwnership(bookingId: string): Promise<BookingOwnershipRecord | undefined> {
    const rows: BookingOwnershipRecord[] = await this.dataSource.query(
      `SELECT id, driver_id AS "driverId", status::text AS status FROM bookings WHERE id = $1`,
      [bookingId],
    );
    return rows[0];
  }

  /** The paid card is the booking's one successful charge (a unique index keeps it to one). */
  async findBookingConfirmation(bookingId: string): Promise<BookingConfirmationRecord | undefined> {
    // Read for every confirmation email: prepared, it is planned once per connection (planning cost more than running it).
    const rows = await queryPrepared<BookingConfirmationRecord>(
      this.dataSource,
      `SELECT b.id, b.code, b.status::text AS status, lower(b.period) AS start, upper(b.period) AS "end",
              b.space_type::text AS "spaceType", b.vehicle_plate AS "vehiclePlate", b.amount_cents AS "amountCents", b.currency,
              u.email::text AS "driverEmail", u.name AS "driverName",
              f.name AS "facilityName", f.address_line AS "addressLine", f.postal_code AS "postalCode", f.city,
              f.country_code AS "countryCode", f.time_zone AS "timeZone",
              p.card_brand AS "cardBrand", p.card_last4 AS "cardLast4", b.hold_expires_at AS "holdExpiresAt",
              to_char(mp.month, 'YYYY-MM') AS "passMonth", f.opening_hours AS "openingHours"
         FROM bookings b
         JOIN users u ON u.id = b.driver_id
         JOIN facilities f ON f.id = b.facility_id
         LEFT JOIN payments p ON p.booking_id = b.id AND p.extension_id IS NULL AND p.status IN ('succeeded', 'refunded', 'partially_refunded')
         LEFT JOIN monthly_passes mp ON mp.booking_id = b.id
        WHERE b.id = $1`,
      [bookingId],
    );
    return rows[0];
  }

  /** A series, with its paid occurrences (earliest first) for the one email that confirms them. */
  async findSeriesConfirmation(seriesId: string): Promise<BookingSeriesConfirmationRecord | undefined> {
    const rows: BookingSeriesConfirmationRecord[] = await this.dataSource.query(
      `SELECT s.id, u.email::text AS "driverEmail", u.name AS "driverName", f.name AS "facilityName", f.address_line AS "addressLine", f.city,
              f.time_zone AS "timeZone", s.space_type::text AS "spaceType", s.vehicle_plate AS "vehiclePlate", trim(s.currency) AS currency, s.skipped,
              coalesce((SELECT json_agg(json_build_object('code', b.code, 'start', lower(b.period), 'end', upper(b.period), 'amountCents', b.amount_cents,
                                                         'cardBrand', p.card_brand, 'cardLast4', trim(p.card_last4)) ORDER BY lower(b.period))
                          FROM bookings b
                          LEFT JOIN payments p ON p.booking_id = b.id AND p.extension_id IS NULL AND p.status IN ('succeeded', 'refunded', 'partially_refunded')
                         WHERE b.series_id = s.id AND b.status IN ('confirmed', 'completed')), '[]') AS occurrences
         FROM booking_series s
         JOIN users u ON u.id = s.driver_id
         JOIN facilities f ON f.id = s.facility_id
        WHERE s.id = $1`,
      [seriesId],
    );
    return rows[0];
  }

  /** The booking's successful payments (booking and extensions), oldest first. */
  findBookingPayments(bookingId: string): Promise<BookingPaymentRecord[]> {
    return this.dataSource.query(
      `SELECT id, extension_id AS "extensionId", amount_cents AS "amountCents", refunded_cents AS "refundedCents",
              card_brand AS "cardBrand", card_last4 AS "cardLast4"
         FROM payments WHERE booking_id = $1 AND status IN ('succeeded', 'refunded', 'partially_refunded')
        ORDER BY created_at, id`,
      [bookingId],
    );
  }

  async findBookingExtension(bookingId: string, extensionId: string): Promise<BookingExtensionRecord | undefined> {
    const rows: BookingExtensionRecord[] = await this.dataSource.query(
      `SELECT id, previous_end AS "previousEnd", new_end AS "newEnd", amount_cents AS "amountCents", currency, status::text AS status
         FROM booking_extensions WHERE id = $2 AND booking_id = $1`,
      [bookingId, extensionId],
    );
    return rows[0];
  }

  /**
   * One message per outbox row: a repeated delivery of the same row changes nothing. The message
   * and its attachments are one statement, so a message is never seen without its files.
   */
  async insertMailboxMessage(message: NewMailboxMessage): Promise<void> {
    await this.dataSource.query(
      `WITH message AS (
         INSERT INTO mailbox_messages (outbox_id, to_address, subject, text_body, html_body) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (outbox_id) DO NOTHING
         RETURNING id
       )
       INSERT INTO mailbox_attachments (message_id, position, filename, content_type, content)
       SELECT message.id, file.position, file.filename, file.content_type, file.content
         FROM message, unnest($6::text[], $7::text[], $8::bytea[]) WITH ORDINALITY AS file (filename, content_type, content, position)`,
      [
        message.outboxId,
        message.to,
        message.subject,
        message.text,
        message.html,
        message.attachments.map((file) => file.filename),
        message.attachments.map((file) => file.contentType),
        message.attachments.map((file) => file.content),
      ],
    );
  }

  /** Newest first; `to` matches the address case-insensitively. */
  async listMailbox(offset: number, limit: number, to?: string): Promise<{ items: MailboxRecord[]; total: number }> {
    const [messages, total] = await this.mailbox.findAndCount({
      where: to === undefined ? {} : { toAddress: Raw((column) => `lower(${column}) = lower(:to)`, { to }) },
      order: { sentAt: 'DESC', id: 'DESC' },
      skip: offset,
      take: limit,
    });
    const attachments = await this.attachmentsOf(messages.map((message) => message.id));
    return { items: messages.map((message) => toMailboxRecord(message, attachments.get(message.id) ?? [])), total };
  }

  async findMailboxMessage(id: string): Promise<MailboxRecord | undefined> {
    const message = await this.mailbox.findOneBy({ id });
    if (!message) return undefined;
    const attachments = await this.attachmentsOf([id]);
    return toMailboxRecord(message, attachments.get(id) ?? []);
  }

  /** The bytes of one attachment of one message; undefined when either does not exist or they do not belong together. */
  async findMailboxAttachment(messageId: string, attachmentId: string): Promise<MailboxAttachmentFile | undefined> {
    const rows: MailboxAttachmentFile[] = await this.dataSource.query(
      `SELECT filename, content_type AS "contentType", content FROM mailbox_attachments WHERE id = $1 AND message_id = $2`,
      [attachmentId, messageId],
    );
    return rows[0];
  }

  /** Attachments listed without their bytes: octet_length reads a stored value's size without fetching it. */
  private async attachmentsOf(messageIds: string[]): Promise<Map<string, MailboxAttachment[]>> {
    const byMessage = new Map<string, MailboxAttachment[]>();
    if (!messageIds.length) return byMessage;
    const rows: (MailboxAttachment & { messageId: string })[] = await this.dataSource.query(
      `SELECT id, message_id AS "messageId", filename, content_type AS "contentType", octet_length(content) AS "sizeBytes"
         FROM mailbox_attachments WHERE message_id = ANY($1::uuid[]) ORDER BY message_id, position`,
      [messageIds],
    );
    for (const { messageId, ...attachment } of rows) {
      const list = byMessage.get(messageId) ?? [];
      list.push(attachment);
      byMessage.set(messageId, list);
    }
    return byMessage;
  }
}
