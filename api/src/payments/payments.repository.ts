import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BookingStatus, PaymentStatus, PaymentView } from '@aiparksit/shared';
import { withTransaction, type SqlTransaction } from '../database/index.js';
import { withLinkOrigin } from '../outbox/index.js';
import type { LedgerSplit } from './platform-fee.js';

/** The booking as paying it needs it, locked: who may pay, what, and whether the hold still stands. */
export interface PayableBooking {
  id: string;
  driverId: string;
  facilityId: string;
  operatorId: string;
  status: BookingStatus;
  amountCents: number;
  currency: string;
  holdLapsed: boolean;
}

export interface PayableExtension {
  id: string;
  newEnd: Date;
  amountCents: number;
  status: 'pending_payment' | 'confirmed' | 'expired';
  holdLapsed: boolean;
}

export interface NewPayment {
  bookingId: string;
  extensionId: string | null;
  provider: string;
  providerRef: string | null;
  status: PaymentStatus;
  amountCents: number;
  currency: string;
  cardBrand: string | null;
  cardLast4: string | null;
  failureCode?: string;
  failureReason?: string;
  /** The Idempotency-Key of the request that made it. */
  idempotencyKey: string;
}

export interface RefundablePayment {
  id: string;
  provider: string;
  providerRef: string;
  amountCents: number;
  refundedCents: number;
  currency: string;
}

interface PaymentRow {
  id: string;
  bookingId: string;
  status: PaymentStatus;
  amountCents: number;
  refundedCents: number;
  currency: string;
  cardBrand: string | null;
  cardLast4: string | null;
  provider: string;
  createdAt: Date;
}

/** A payment as recorded, with why it was refused when it was. */
export interface RecordedPayment extends PaymentRow {
  failureCode: string | null;
  failureReason: string | null;
}

const PAYMENT_COLUMNS = `id, booking_id AS "bookingId", status, amount_cents AS "amountCents", refunded_cents AS "refundedCents", currency,
  card_brand AS "cardBrand", card_last4 AS "cardLast4", provider, created_at AS "createdAt"`;

/** An email to send once the transaction commits: its outbox kind and payload (notifications/). */
export interface OutboxEmail {
  kind: string;
  payload: object;
}

/** The email worker reads exactly these kinds and payloads. */
export const confirmationEmail = (bookingId: string): OutboxEmail => ({ kind: 'email.booking_confirmation', payload: { bookingId } });
/** One email for a paid series, listing its occurrences (`email.booking_series_confirmation`). */
export const seriesConfirmationEmail = (seriesId: string): OutboxEmail => ({ kind: 'email.booking_series_confirmation', payload: { seriesId } });
/** The driver's notice that a paid extension moved the end (`email.booking_extension`). */
export const extensionEmail = (bookingId: string, extensionId: string): OutboxEmail => ({
  kind: 'email.booking_extension',
  payload: { bookingId, extensionId },
});

export function toPaymentView(row: PaymentRow, testModeProviders: ReadonlySet<string>): PaymentView {
  const { provider, createdAt, ...rest } = row;
  return { ...rest, testMode: testModeProviders.has(provider), createdAt: createdAt.toISOString() };
}

/** SQL of payments, the ledger and the outbox. Money rows are only written inside the caller's transaction. */
@Injectable()
export class PaymentsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    return withTransaction(this.dataSource, work);
  }

  async lockBooking(tx: SqlTransaction, id: string): Promise<PayableBooking | undefined> {
    const rows = await tx.prepared<PayableBooking>(
      `SELECT b.id, b.driver_id AS "driverId", b.facility_id AS "facilityId", f.operator_id AS "operatorId", b.status,
              b.amount_cents AS "amountCents", b.currency, (b.hold_expires_at IS NOT NULL AND b.hold_expires_at <= now()) AS "holdLapsed"
         FROM bookings b JOIN facilities f ON f.id = b.facility_id
        WHERE b.id = $1 FOR UPDATE OF b`,
      [id],
    );
    return rows[0];
  }

  /** Every occurrence of a series, locked for the rest of the transaction (earliest first): paying it pays them together. */
  lockSeriesBookings(tx: SqlTransaction, seriesId: string): Promise<PayableBooking[]> {
    return tx.rows<PayableBooking>(
      `SELECT b.id, b.driver_id AS "driverId", b.facility_id AS "facilityId", f.operator_id AS "operatorId", b.status,
              b.amount_cents AS "amountCents", b.currency, (b.hold_expires_at IS NOT NULL AND b.hold_expires_at <= now()) AS "holdLapsed"
         FROM bookings b JOIN facilities f ON f.id = b.facility_id
        WHERE b.series_id = $1
        ORDER BY lower(b.period), b.id
          FOR UPDATE OF b`,
      [seriesId],
    );
  }

  /** The payment an earlier run of the same series payment (same key) recorded on its occurrences, if any. */
  findSeriesPaymentByIdempotencyKey(tx: SqlTransaction, seriesId: string, idempotencyKey: string): Promise<RecordedPayment | undefined> {
    return tx.one<RecordedPayment>(
      `SELECT ${PAYMENT_COLUMNS}, failure_code AS "failureCode", failure_reason AS "failureReason"
         FROM payments
        WHERE booking_id IN (SELECT id FROM bookings WHERE series_id = $1) AND extension_id IS NULL AND idempotency_key = $2
        ORDER BY created_at DESC LIMIT 1`,
      [seriesId, idempotencyKey],
    );
  }

  /** An email (outbox message) sent once the transaction commits. */
  async enqueueEmail(tx: SqlTransaction, email: OutboxEmail): Promise<void> {
    await tx.rows(`INSERT INTO outbox (kind, payload) VALUES ($1, $2::jsonb)`, [email.kind, JSON.stringify(withLinkOrigin(email.payload))]);
  }

  lockExtension(tx: SqlTransaction, bookingId: string, extensionId: string): Promise<PayableExtension | undefined> {
    return tx.one<PayableExtension>(
      `SELECT id, new_end AS "newEnd", amount_cents AS "amountCents", status,
              (status = 'pending_payment' AND hold_expires_at <= now()) AS "holdLapsed"
         FROM booking_extensions WHERE id = $1 AND booking_id = $2 FOR UPDATE`,
      [extensionId, bookingId],
    );
  }

  /** The payment an earlier run of the same request (same booking, extension and key) made, if any. */
  findPaymentByIdempotencyKey(tx: SqlTransaction, bookingId: string, extensionId: string | null, idempotencyKey: string): Promise<RecordedPayment | undefined> {
    return tx.one<RecordedPayment>(
      `SELECT ${PAYMENT_COLUMNS}, failure_code AS "failureCode", failure_reason AS "failureReason"
         FROM payments WHERE booking_id = $1 AND extension_id IS NOT DISTINCT FROM $2 AND idempotency_key = $3
        ORDER BY created_at DESC LIMIT 1`,
      [bookingId, extensionId, idempotencyKey],
    );
  }

  insertPayment(tx: SqlTransaction, payment: NewPayment): Promise<PaymentRow> {
    return this.insertPaymentWith(tx, payment, '');
  }

  /** A hold's successful payment, recorded with its booking confirmed in the same statement. */
  insertPaymentConfirmingBooking(tx: SqlTransaction, payment: NewPayment): Promise<PaymentRow> {
    return this.insertPaymentWith(
      tx,
      payment,
      `WITH confirmed AS (UPDATE bookings SET status = 'confirmed', confirmed_at = now(), hold_expires_at = NULL, updated_at = now() WHERE id = $1)`,
    );
  }

  private async insertPaymentWith(tx: SqlTransaction, payment: NewPayment, alongside: string): Promise<PaymentRow> {
    const row = await tx.one<PaymentRow>(
      `${alongside}
       INSERT INTO payments (booking_id, extension_id, provider, provider_ref, status, amount_cents, currency, card_brand, card_last4, failure_code, failure_reason,
                             idempotency_key)
       VALUES ($1, $2, $3, $4, $5::payment_status, $6, $7, $8, $9, $10, $11, $12) RETURNING ${PAYMENT_COLUMNS}`,
      [
        payment.bookingId,
        payment.extensionId,
        payment.provider,
        payment.providerRef,
        payment.status,
        payment.amountCents,
        payment.currency,
        payment.cardBrand,
        payment.cardLast4,
        payment.failureCode ?? null,
        payment.failureReason ?? null,
        payment.idempotencyKey,
      ],
    );
    return row!;
  }

  /** The paid extension becomes part of the booking: the period reaches the held end, the price grows. */
  async confirmExtension(tx: SqlTransaction, bookingId: string, extension: PayableExtension): Promise<void> {
    await tx.rows(`UPDATE booking_extensions SET status = 'confirmed', confirmed_at = now() WHERE id = $1`, [extension.id]);
    await tx.rows(
      `UPDATE bookings SET period = tstzrange(lower(period), $2), extension_hold_end = NULL, amount_cents = amount_cents + $3, updated_at = now() WHERE id = $1`,
      [bookingId, extension.newEnd, extension.amountCents],
    );
  }

  /**
   * Positive lines for a charge, negative ones for a refund: the sum of an account is its balance.
   * An email reporting them (an outbox message) is written by the same statement.
   */
  async insertLedgerLines(
    tx: SqlTransaction,
    owner: { bookingId: string; paymentId: string; operatorId: string; facilityId: string; currency: string },
    split: LedgerSplit,
    kind: 'charge' | 'refund',
    email?: OutboxEmail,
  ): Promise<void> {
    const sign = kind === 'charge' ? 1 : -1;
    const accounts = kind === 'charge' ? ['gross', 'platform_fee', 'operator_net'] : ['refund', 'refund_platform_fee', 'refund_operator_net'];
    const lines = `INSERT INTO ledger_entries (booking_id, payment_id, operator_id, facility_id, account, amount_cents, currency)
       SELECT $1, $2, $3, $4, a.account::ledger_account, a.amount, $5 FROM unnest($6::text[], $7::bigint[]) AS a(account, amount)`;
    await tx.rows(email ? `WITH lines AS (${lines}) INSERT INTO outbox (kind, payload) VALUES ($8, $9::jsonb)` : lines, [
      owner.bookingId,
      owner.paymentId,
      owner.operatorId,
      owner.facilityId,
      owner.currency,
      accounts,
      [split.grossCents * sign, split.platformFeeCents * sign, split.operatorNetCents * sign],
      ...(email ? [email.kind, JSON.stringify(withLinkOrigin(email.payload))] : []),
    ]);
  }

  /** Successful payments of a booking with money left to refund, newest first, locked. */
  lockRefundablePayments(tx: SqlTransaction, bookingId: string): Promise<RefundablePayment[]> {
    return tx.rows<RefundablePayment>(
      `SELECT id, provider, provider_ref AS "providerRef", amount_cents AS "amountCents", refunded_cents AS "refundedCents", currency
         FROM payments WHERE booking_id = $1 AND status IN ('succeeded', 'partially_refunded') AND refunded_cents < amount_cents
        ORDER BY created_at DESC FOR UPDATE`,
      [bookingId],
    );
  }

  async recordRefund(tx: SqlTransaction, paymentId: string, amountCents: number): Promise<void> {
    await tx.rows(
      `UPDATE payments SET refunded_cents = refunded_cents + $2,
              status = CASE WHEN refunded_cents + $2 >= amount_cents THEN 'refunded'::payment_status ELSE 'partially_refunded'::payment_status END
        WHERE id = $1`,
      [paymentId, amountCents],
    );
  }
}
