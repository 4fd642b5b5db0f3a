import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Raw, type Repository } from 'typeorm';
import { MailboxMessageEntity } from './mailbox-message.entity.js';
import type { BookingConfirmationRecord, BookingOwnershipRecord, MailboxRecord, NewMailboxMessage, RecipientRecord } from './notification.records.js';

function toMailboxRecord(message: MailboxMessageEntity): MailboxRecord {
  return { id: message.id, to: message.toAddress, subject: message.subject, text: message.textBody, html: message.htmlBody, sentAt: message.sentAt };
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

  async findBookingOwnership(bookingId: string): Promise<BookingOwnershipRecord | undefined> {
    const rows: BookingOwnershipRecord[] = await this.dataSource.query(
      `SELECT id, driver_id AS "driverId", status::text AS status FROM bookings WHERE id = $1`,
      [bookingId],
    );
    return rows[0];
  }

  /** The paid card is the booking's one successful charge (a unique index keeps it to one). */
  async findBookingConfirmation(bookingId: string): Promise<BookingConfirmationRecord | undefined> {
    const rows: BookingConfirmationRecord[] = await this.dataSource.query(
      `SELECT b.id, b.code, b.status::text AS status, lower(b.period) AS start, upper(b.period) AS "end",
              b.space_type::text AS "spaceType", b.vehicle_plate AS "vehiclePlate", b.amount_cents AS "amountCents", b.currency,
              u.email::text AS "driverEmail", u.name AS "driverName",
              f.name AS "facilityName", f.address_line AS "addressLine", f.postal_code AS "postalCode", f.city,
              f.country_code AS "countryCode", f.time_zone AS "timeZone",
              p.card_brand AS "cardBrand", p.card_last4 AS "cardLast4"
         FROM bookings b
         JOIN users u ON u.id = b.driver_id
         JOIN facilities f ON f.id = b.facility_id
         LEFT JOIN payments p ON p.booking_id = b.id AND p.status IN ('succeeded', 'refunded', 'partially_refunded')
        WHERE b.id = $1`,
      [bookingId],
    );
    return rows[0];
  }

  /** One message per outbox row: a repeated delivery of the same row changes nothing. */
  async insertMailboxMessage(message: NewMailboxMessage): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO mailbox_messages (outbox_id, to_address, subject, text_body, html_body) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (outbox_id) DO NOTHING`,
      [message.outboxId, message.to, message.subject, message.text, message.html],
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
    return { items: messages.map(toMailboxRecord), total };
  }

  async findMailboxMessage(id: string): Promise<MailboxRecord | undefined> {
    const message = await this.mailbox.findOneBy({ id });
    return message ? toMailboxRecord(message) : undefined;
  }
}
