import type pg from 'pg';
import { createUser } from '../support/factories.js';
import { unique } from '../support/db.js';

let driverId: Promise<string> | undefined;

/** A booking row straight into SQL: analytics tests choose periods in the past and exact statuses. */
export async function insertBooking(
  pool: pg.Pool,
  booking: {
    facilityId: string;
    spaceId: string;
    start: string;
    end: string;
    status?: 'pending_payment' | 'confirmed' | 'cancelled' | 'expired' | 'completed';
    amountCents?: number;
  },
): Promise<string> {
  driverId ??= createUser(pool, { role: 'driver' }).then((u) => u.id);
  const status = booking.status ?? 'confirmed';
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency, hold_expires_at)
     VALUES ($1, $2, $3, $4, 'standard', tstzrange($5, $6), $7::booking_status, 'B-AN 1', $8, 'EUR', CASE WHEN $7 = 'pending_payment' THEN now() + interval '10 minutes' END)
     RETURNING id`,
    [unique('AN').slice(-24), await driverId, booking.facilityId, booking.spaceId, booking.start, booking.end, status, booking.amountCents ?? 1000],
  );
  return rows[0]!.id;
}

/** Three ledger lines of a charge (positive) or a refund (negative) at a given instant. */
export async function insertLedger(
  pool: pg.Pool,
  line: {
    bookingId: string;
    operatorId: string;
    facilityId: string;
    at: string;
    grossCents: number;
    feeCents: number;
    kind?: 'charge' | 'refund';
    paymentId?: string | null;
  },
): Promise<void> {
  const refund = line.kind === 'refund';
  const sign = refund ? -1 : 1;
  const accounts = refund ? ['refund', 'refund_platform_fee', 'refund_operator_net'] : ['gross', 'platform_fee', 'operator_net'];
  const amounts = [line.grossCents, line.feeCents, line.grossCents - line.feeCents].map((a) => a * sign);
  await pool.query(
    `INSERT INTO ledger_entries (booking_id, payment_id, operator_id, facility_id, account, amount_cents, currency, occurred_at)
     SELECT $1, $2, $3, $4, a.account::ledger_account, a.amount, 'EUR', $5 FROM unnest($6::text[], $7::bigint[]) AS a(account, amount)`,
    [line.bookingId, line.paymentId ?? null, line.operatorId, line.facilityId, line.at, accounts, amounts],
  );
}
