import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { createOperatorWithFacility, type FacilityOptions, type TestFacility } from '../support/facility-factories.js';
import { createUser, type TestAccount } from '../support/factories.js';

export interface ConfirmedBooking {
  id: string;
  code: string;
  driver: TestAccount;
  facility: TestFacility;
}

export interface BookingOptions {
  start: Date;
  end: Date;
  amountCents?: number;
  currency?: string;
  status?: 'confirmed' | 'pending_payment' | 'cancelled';
  driver?: TestAccount;
  facility?: FacilityOptions;
  vehiclePlate?: string;
}

/**
 * A paid booking inserted straight into SQL, as the payments module leaves it: the booking
 * confirmed and one successful card payment.
 */
export async function createConfirmedBooking(pool: pg.Pool, options: BookingOptions): Promise<ConfirmedBooking> {
  const driver = options.driver ?? (await createUser(pool, { role: 'driver', name: 'Dana Driver' }));
  const { facility } = await createOperatorWithFacility(pool, { name: 'Central Garage', ...options.facility });
  const code = `PK${randomBytes(4).toString('hex').toUpperCase()}`;
  const status = options.status ?? 'confirmed';
  const currency = options.currency ?? 'EUR';
  const amountCents = options.amountCents ?? 1250;
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency, hold_expires_at, confirmed_at)
     VALUES ($1, $2, $3, $4, 'standard', tstzrange($5, $6), $7::booking_status, $8, $9, $10,
             CASE WHEN $7 = 'pending_payment' THEN now() + interval '10 minutes' END, CASE WHEN $7 = 'confirmed' THEN now() END)
     RETURNING id`,
    [
      code,
      driver.id,
      facility.id,
      facility.spaces.standard![0],
      options.start,
      options.end,
      status,
      options.vehiclePlate ?? 'B-AB 1234',
      amountCents,
      currency,
    ],
  );
  const bookingId = rows[0]!.id;
  if (status === 'confirmed') {
    await pool.query(
      `INSERT INTO payments (booking_id, provider, provider_ref, status, amount_cents, currency, card_brand, card_last4)
       VALUES ($1, 'sandbox', $2, 'succeeded', $3, $4, 'visa', '4242')`,
      [bookingId, `sandbox_${code}`, amountCents, currency],
    );
  }
  return { id: bookingId, code, driver, facility };
}

/** What the bookings module does when a payment confirms a booking: one outbox row. */
export async function enqueueConfirmation(pool: pg.Pool, bookingId: string): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO outbox (kind, payload) VALUES ('email.booking_confirmation', jsonb_build_object('bookingId', $1::text)) RETURNING id::text`,
    [bookingId],
  );
  return rows[0]!.id;
}

export async function enqueueNotice(pool: pg.Pool, userId: string, subject: string, message = 'A message from the platform.'): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO outbox (kind, payload) VALUES ('email.account_notice', jsonb_build_object('userId', $1::text, 'subject', $2::text, 'message', $3::text)) RETURNING id::text`,
    [userId, subject, message],
  );
  return rows[0]!.id;
}

export interface OutboxRow {
  id: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  claimedBy: string | null;
}

export async function outboxRow(pool: pg.Pool, id: string): Promise<OutboxRow> {
  const { rows } = await pool.query<OutboxRow>(
    `SELECT id::text, status::text AS status, attempts, last_error AS "lastError", sent_at AS "sentAt", claimed_by AS "claimedBy" FROM outbox WHERE id = $1`,
    [id],
  );
  return rows[0]!;
}

/** Polls until the outbox row leaves `pending` (or the time is up) and returns it. */
export async function settledOutboxRow(pool: pg.Pool, id: string, timeoutMs = 15_000): Promise<OutboxRow> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const row = await outboxRow(pool, id);
    if (row.status !== 'pending' || Date.now() > deadline) return row;
    await new Promise((r) => setTimeout(r, 50));
  }
}
