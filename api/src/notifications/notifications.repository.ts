import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BookingConfirmationRecord, BookingOwnershipRecord, MailboxRecord, NewMailboxMessage, RecipientRecord } from './notification.records.js';

const MAILBOX_COLUMNS = `id, to_address AS "to", subject, text_body AS text, html_body AS html, sent_at AS "sentAt"`;

/** SQL of the notifications module: recipients, what a confirmation shows, the local mailbox. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly dataSource: DataSource) {}

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
    const filter = to === undefined ? '' : `WHERE lower(to_address) = lower($3)`;
    const filterParams = to === undefined ? [] : [to];
    const [items, [count]] = await Promise.all([
      this.dataSource.query(`SELECT ${MAILBOX_COLUMNS} FROM mailbox_messages ${filter} ORDER BY sent_at DESC, id DESC LIMIT $1 OFFSET $2`, [
        limit,
        offset,
        ...filterParams,
      ]) as Promise<MailboxRecord[]>,
      this.dataSource.query(`SELECT count(*)::int AS total FROM mailbox_messages ${filter.replace('$3', '$1')}`, filterParams) as Promise<[{ total: number }]>,
    ]);
    return { items, total: count.total };
  }

  async findMailboxMessage(id: string): Promise<MailboxRecord | undefined> {
    const rows: MailboxRecord[] = await this.dataSource.query(`SELECT ${MAILBOX_COLUMNS} FROM mailbox_messages WHERE id = $1`, [id]);
    return rows[0];
  }
}
