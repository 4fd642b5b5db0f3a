import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BookingStatus, SpaceType } from '@aiparksit/shared';
import { isExclusionViolation, isUniqueViolation, postgresErrorOf, SQLSTATE, withTransaction, type SqlTransaction } from '../database/index.js';
import { withLinkOrigin } from '../outbox/index.js';

/** A booking that holds a space: held and not lapsed, or paid. What the limit and the space count. */
const LIVE_BOOKING = `(b.status = 'confirmed' OR (b.status = 'pending_payment' AND b.hold_expires_at > now()))`;

/** A facility as its pass offers need it, with the owner of its operator (for access checks). */
export interface PassFacility {
  id: string;
  name: string;
  timeZone: string;
  currency: string;
  operatorOwnerId: string;
  /** Published, honest and of an approved operator: drivers may buy its passes. */
  onSale: boolean;
  /** The space types it has a rate for, and their active spaces. */
  types: { spaceType: SpaceType; activeSpaces: number }[];
}

export interface PassOfferRow {
  spaceType: SpaceType;
  passLimit: number;
  priceCents: number;
}

/** Everything a pass view needs: the pass ⋈ its booking ⋈ facility ⋈ the sums of its payments. */
export interface PassRecord {
  id: string;
  month: string;
  driverId: string;
  driverName: string;
  facilityId: string;
  facilityName: string;
  addressLine: string;
  city: string;
  timeZone: string;
  operatorOwnerId: string;
  spaceType: SpaceType;
  spaceLabel: string;
  bookingId: string;
  bookingCode: string;
  status: BookingStatus;
  start: Date;
  end: Date;
  vehiclePlate: string;
  amountCents: number;
  currency: string;
  holdExpiresAt: Date | null;
  createdAt: Date;
  paidCents: number;
  refundedCents: number;
  paymentProvider: string | null;
  operatorId: string;
}

const PASS_SELECT = `
  SELECT mp.id, to_char(mp.month, 'YYYY-MM') AS month, mp.driver_id AS "driverId", u.name AS "driverName",
         mp.facility_id AS "facilityId", f.name AS "facilityName", f.address_line AS "addressLine", f.city, f.time_zone AS "timeZone",
         f.operator_id AS "operatorId", o.owner_id AS "operatorOwnerId", mp.space_type AS "spaceType", s.label AS "spaceLabel",
         b.id AS "bookingId", b.code AS "bookingCode", b.status, lower(b.period) AS start, upper(b.period) AS "end",
         b.vehicle_plate AS "vehiclePlate", b.amount_cents AS "amountCents", b.currency, b.hold_expires_at AS "holdExpiresAt", mp.created_at AS "createdAt",
         coalesce(pay.paid, 0) AS "paidCents", coalesce(pay.refunded, 0) AS "refundedCents", pay.provider AS "paymentProvider"
    FROM monthly_passes mp
    JOIN bookings b ON b.id = mp.booking_id
    JOIN users u ON u.id = mp.driver_id
    JOIN facilities f ON f.id = mp.facility_id
    JOIN operators o ON o.id = f.operator_id
    JOIN spaces s ON s.id = b.space_id
    LEFT JOIN LATERAL (
      SELECT sum(p.amount_cents)::int AS paid, sum(p.refunded_cents)::int AS refunded, (array_agg(p.provider ORDER BY p.created_at))[1] AS provider
        FROM payments p WHERE p.booking_id = b.id AND p.status IN ('succeeded', 'refunded', 'partially_refunded')
    ) pay ON true`;

export interface NewPassHold {
  driverId: string;
  facilityId: string;
  spaceType: SpaceType;
  monthDate: string;
  start: Date;
  end: Date;
  vehiclePlate: string;
  amountCents: number;
  currency: string;
  holdMinutes: number;
  idempotencyKey: string;
}

export type PassHoldOutcome = { held: string } | { soldOut: { passLimit: number; sold: number } } | { noSpace: true } | { noOffer: true };

/** SQL of pass offers and passes. The space a pass holds is an ordinary booking row, kept apart from others by `bookings_no_overlap`. */
@Injectable()
export class PassesRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    return withTransaction(this.dataSource, work);
  }

  async findFacility(facilityId: string): Promise<PassFacility | undefined> {
    const rows: PassFacility[] = await this.dataSource.query(
      `SELECT f.id, f.name, f.time_zone AS "timeZone", f.currency, o.owner_id AS "operatorOwnerId",
              (f.published AND NOT f.is_canary AND o.status = 'approved') AS "onSale",
              coalesce((SELECT json_agg(json_build_object('spaceType', r.space_type,
                                 'activeSpaces', (SELECT count(*) FROM spaces s WHERE s.facility_id = f.id AND s.space_type = r.space_type AND s.active))
                                 ORDER BY r.space_type)
                          FROM rates r WHERE r.facility_id = f.id), '[]') AS types
         FROM facilities f JOIN operators o ON o.id = f.operator_id
        WHERE f.id = $1`,
      [facilityId],
    );
    return rows[0];
  }

  offersOf(facilityId: string): Promise<PassOfferRow[]> {
    return this.dataSource.query(
      `SELECT space_type AS "spaceType", pass_limit AS "passLimit", price_cents AS "priceCents" FROM pass_offers WHERE facility_id = $1 ORDER BY space_type`,
      [facilityId],
    );
  }

  /** Live passes per space type and month (`YYYY-MM`) among `monthDates`. */
  soldPerMonth(facilityId: string, monthDates: string[]): Promise<{ spaceType: SpaceType; month: string; sold: number }[]> {
    return this.dataSource.query(
      `SELECT mp.space_type AS "spaceType", to_char(mp.month, 'YYYY-MM') AS month, count(*)::int AS sold
         FROM monthly_passes mp JOIN bookings b ON b.id = mp.booking_id
        WHERE mp.facility_id = $1 AND mp.month = ANY ($2::date[]) AND ${LIVE_BOOKING}
        GROUP BY 1, 2`,
      [facilityId, monthDates],
    );
  }

  async upsertOffer(facilityId: string, spaceType: SpaceType, passLimit: number, priceCents: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO pass_offers (facility_id, space_type, pass_limit, price_cents) VALUES ($1, $2::space_type, $3, $4)
       ON CONFLICT (facility_id, space_type) DO UPDATE SET pass_limit = excluded.pass_limit, price_cents = excluded.price_cents, updated_at = now()`,
      [facilityId, spaceType, passLimit, priceCents],
    );
  }

  /** The pass the driver already holds under this Idempotency-Key (a retry after a crash). */
  async findByIdempotencyKey(driverId: string, idempotencyKey: string): Promise<string | undefined> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT mp.id FROM monthly_passes mp JOIN bookings b ON b.id = mp.booking_id WHERE b.driver_id = $1 AND b.idempotency_key = $2`,
      [driverId, idempotencyKey],
    );
    return rows[0]?.id;
  }

  /**
   * Sells one pass, all in one transaction under a lock of the offer row, so that passes of the
   * offer are sold one at a time: lapsed unpaid passes of the month are expired first (their
   * places and spaces come back), the live ones are counted against the limit, then a space of
   * the type with no live booking and no blackout of that space in the period is held by an
   * ordinary booking row. Another client's booking may take the space meanwhile: the exclusion
   * constraint refuses the insert (under a savepoint) and the next candidate is tried.
   */
  sell(hold: NewPassHold): Promise<PassHoldOutcome> {
    return this.transaction(async (tx): Promise<PassHoldOutcome> => {
      const offer = await tx.one<{ passLimit: number }>(
        `SELECT pass_limit AS "passLimit" FROM pass_offers WHERE facility_id = $1 AND space_type = $2::space_type FOR UPDATE`,
        [hold.facilityId, hold.spaceType],
      );
      if (!offer || offer.passLimit === 0) return { noOffer: true };
      await tx.rows(
        `WITH lapsed AS (
           SELECT b.id FROM monthly_passes mp JOIN bookings b ON b.id = mp.booking_id
            WHERE mp.facility_id = $1 AND mp.space_type = $2::space_type AND mp.month = $3::date
              AND b.status = 'pending_payment' AND b.hold_expires_at <= now()
              FOR UPDATE OF b SKIP LOCKED
         ) UPDATE bookings b SET status = 'expired', updated_at = now() FROM lapsed WHERE b.id = lapsed.id RETURNING b.id`,
        [hold.facilityId, hold.spaceType, hold.monthDate],
      );
      const { sold } = (await tx.one<{ sold: number }>(
        `SELECT count(*)::int AS sold FROM monthly_passes mp JOIN bookings b ON b.id = mp.booking_id
          WHERE mp.facility_id = $1 AND mp.space_type = $2::space_type AND mp.month = $3::date AND ${LIVE_BOOKING}`,
        [hold.facilityId, hold.spaceType, hold.monthDate],
      ))!;
      if (sold >= offer.passLimit) return { soldOut: { passLimit: offer.passLimit, sold } };

      const candidates = await tx.rows<{ id: string }>(
        `SELECT s.id FROM spaces s
          WHERE s.facility_id = $1 AND s.space_type = $2::space_type AND s.active
            AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.facility_id = s.facility_id AND b.space_id = s.id
                               AND b.status IN ('pending_payment', 'confirmed') AND b.occupied_period && tstzrange($3, $4))
            AND NOT EXISTS (SELECT 1 FROM facility_blackouts x WHERE x.facility_id = s.facility_id AND x.space_ids IS NOT NULL
                               AND s.id = ANY (x.space_ids) AND x.period && tstzrange($3, $4))
          ORDER BY random() LIMIT 20`,
        [hold.facilityId, hold.spaceType, hold.start, hold.end],
      );
      for (const candidate of candidates) {
        for (let attempt = 0; attempt < 3; attempt++) {
          try {
            const bookingId = await tx.attempt(async () => {
              const booking = await tx.one<{ id: string }>(
                `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency, hold_expires_at, idempotency_key)
                 VALUES (waitlist_booking_code(), $1, $2, $3, $4::space_type, tstzrange($5, $6), 'pending_payment', $7, $8, $9, now() + make_interval(mins => $10), $11)
                 RETURNING id`,
                [
                  hold.driverId,
                  hold.facilityId,
                  candidate.id,
                  hold.spaceType,
                  hold.start,
                  hold.end,
                  hold.vehiclePlate,
                  hold.amountCents,
                  hold.currency,
                  hold.holdMinutes,
                  hold.idempotencyKey,
                ],
              );
              return booking!.id;
            });
            const pass = await tx.one<{ id: string }>(
              `INSERT INTO monthly_passes (booking_id, driver_id, facility_id, space_type, month) VALUES ($1, $2, $3, $4::space_type, $5::date) RETURNING id`,
              [bookingId, hold.driverId, hold.facilityId, hold.spaceType, hold.monthDate],
            );
            return { held: pass!.id };
          } catch (error) {
            if (isExclusionViolation(error)) break; // booked meanwhile: the next candidate
            if (postgresErrorOf(error).code === SQLSTATE.deadlockDetected) continue; // the same space again, behind the other insert
            if (isUniqueViolation(error, 'bookings_code_key')) continue; // the rare repeated code: a new one
            throw error;
          }
        }
      }
      return { noSpace: true };
    });
  }

  async findById(id: string): Promise<PassRecord | undefined> {
    const rows: PassRecord[] = await this.dataSource.query(`${PASS_SELECT} WHERE mp.id = $1`, [id]);
    return rows[0];
  }

  /** The driver's passes, the latest month first (at most 50). */
  listByDriver(driverId: string): Promise<PassRecord[]> {
    return this.dataSource.query(`${PASS_SELECT} WHERE mp.driver_id = $1 ORDER BY mp.month DESC, mp.created_at DESC LIMIT 50`, [driverId]);
  }

  /** The facility's passes of the months from `fromMonthDate` on, held, paid or used (not lapsed or cancelled), by month and space label. */
  holdersOf(facilityId: string, fromMonthDate: string): Promise<PassRecord[]> {
    return this.dataSource.query(
      `${PASS_SELECT} WHERE mp.facility_id = $1 AND mp.month >= $2::date AND b.status IN ('pending_payment', 'confirmed', 'completed')
        ORDER BY mp.month, mp.space_type, s.label LIMIT 500`,
      [facilityId, fromMonthDate],
    );
  }

  /** The pass with its booking row locked for the rest of the transaction. */
  async lockById(tx: SqlTransaction, id: string): Promise<PassRecord | undefined> {
    const locked = await tx.one<{ id: string }>(
      `SELECT mp.id FROM monthly_passes mp JOIN bookings b ON b.id = mp.booking_id WHERE mp.id = $1 FOR UPDATE OF b`,
      [id],
    );
    if (!locked) return undefined;
    return tx.one<PassRecord>(`${PASS_SELECT} WHERE mp.id = $1`, [id]);
  }

  async markCancelled(tx: SqlTransaction, bookingId: string): Promise<void> {
    await tx.rows(`UPDATE bookings SET status = 'cancelled', cancelled_at = now(), updated_at = now() WHERE id = $1 RETURNING id`, [bookingId]);
  }

  /** An email about the pass's booking (a notifications/ outbox kind), sent once the transaction commits. */
  async enqueueEmail(tx: SqlTransaction, kind: string, payload: object): Promise<void> {
    await tx.rows(`INSERT INTO outbox (kind, payload) VALUES ($1, $2::jsonb)`, [kind, JSON.stringify(withLinkOrigin(payload))]);
  }
}
