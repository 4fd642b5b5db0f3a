import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BookingExtensionView, BookingListFilter, RateMultiplier, SpaceType } from '@aiparksit/shared';
import { isExclusionViolation, isUniqueViolation, postgresErrorOf, queryPrepared, SQLSTATE, withTransaction, type SqlTransaction } from '../database/index.js';
import { spaceBlackedOut } from '../facilities/index.js';
import { withLinkOrigin } from '../outbox/index.js';
import { newBookingCode } from './booking-code.js';
import { COMPLETE_FINISHED_SQL, RELEASE_EXPIRED_HOLDS_SQL, RELEASE_LAPSED_EXTENSION_HOLDS_SQL } from './lifecycle-sql.js';
import type { BookableFacility, BookingRecord, NewBookingHold } from './booking.record.js';

const LIVE = `('pending_payment', 'confirmed')`;

/**
 * A live booking of the space overlapping the range. The facility is named as well as the space
 * so that PostgreSQL reads the facility's live bookings of the window (bookings_facility_period_idx):
 * with the space alone, on millions of bookings it estimated the window's bookings of every
 * facility as few, hashed all of them (~20,000 rows on the large data set) and took ~250 ms.
 */
function liveBookingOf(space: string, range: string): string {
  return `SELECT 1 FROM bookings b WHERE b.facility_id = ${space}.facility_id AND b.space_id = ${space}.id AND b.status IN ${LIVE} AND b.occupied_period && ${range}`;
}

/** Active spaces of the type at the facility with neither a live booking nor a blackout in the range, in random order (concurrent clients spread over them). */
function freeSpaces(facility: string, type: string, range: string): string {
  return `SELECT s.id FROM spaces s
           WHERE s.facility_id = ${facility} AND s.space_type = ${type} AND s.active
             AND NOT EXISTS (${liveBookingOf('s', range)})
             AND NOT ${spaceBlackedOut('s', range)}
           ORDER BY random()`;
}

/** Everything a booking view needs, in one row per booking of `source` (the table, or a CTE of its rows). */
const bookingSelect = (source: string) => `
  SELECT b.id, b.code, b.driver_id AS "driverId", b.facility_id AS "facilityId", f.operator_id AS "operatorId", o.owner_id AS "operatorOwnerId",
         f.name AS "facilityName", f.address_line AS "addressLine", f.city, f.time_zone AS "timeZone",
         b.space_id AS "spaceId", b.space_type AS "spaceType", s.label AS "spaceLabel",
         lower(b.period) AS start, upper(b.period) AS "end", b.status, b.vehicle_plate AS "vehiclePlate",
         b.amount_cents AS "amountCents", b.currency, b.hold_expires_at AS "holdExpiresAt", b.extension_hold_end AS "extensionHoldEnd",
         b.created_at AS "createdAt", b.confirmed_at AS "confirmedAt", b.cancelled_at AS "cancelledAt", b.series_id AS "seriesId",
         pay.paid AS "paidCents", pay.refunded AS "refundedCents", pay.brand AS "cardBrand", pay.last4 AS "cardLast4", pay.provider AS "paymentProvider", pay.lines,
         (SELECT mp.id FROM monthly_passes mp WHERE mp.booking_id = b.id) AS "passId"
    FROM ${source} b
    JOIN facilities f ON f.id = b.facility_id
    JOIN operators o ON o.id = f.operator_id
    JOIN spaces s ON s.id = b.space_id
    LEFT JOIN LATERAL (
      SELECT sum(p.amount_cents)::int AS paid, sum(p.refunded_cents)::int AS refunded,
             (array_agg(p.card_brand ORDER BY p.created_at))[1] AS brand,
             (array_agg(p.card_last4 ORDER BY p.created_at))[1] AS last4,
             (array_agg(p.provider ORDER BY p.created_at))[1] AS provider,
             jsonb_agg(jsonb_build_object(
               'id', p.id, 'extensionId', p.extension_id, 'status', p.status, 'amountCents', p.amount_cents, 'refundedCents', p.refunded_cents,
               'currency', p.currency, 'cardBrand', p.card_brand, 'cardLast4', p.card_last4, 'paidAt', p.created_at,
               'refunds', (SELECT coalesce(jsonb_agg(jsonb_build_object('amountCents', -l.amount_cents, 'refundedAt', l.occurred_at) ORDER BY l.occurred_at, l.id), '[]')
                             FROM ledger_entries l WHERE l.booking_id = b.id AND l.payment_id = p.id AND l.account = 'refund')
             ) ORDER BY p.created_at) AS lines
        FROM payments p
       WHERE p.booking_id = b.id AND p.status IN ('succeeded', 'refunded', 'partially_refunded')
    ) pay ON true`;
const BOOKING_SELECT = bookingSelect('bookings');

/**
 * Which rows each filter of the driver's list holds (`$2` is now). Upcoming is live and not
 * ended; past is everything else but cancellations.
 */
const UPCOMING = `(b.status IN ${LIVE} AND upper(b.period) > $2)`;
const LIST_FILTERS: Record<BookingListFilter, string> = {
  all: 'true',
  upcoming: UPCOMING,
  past: `(b.status <> 'cancelled' AND NOT ${UPCOMING})`,
  cancelled: `b.status = 'cancelled'`,
};

const EXTENSION_COLUMNS = `id, booking_id AS "bookingId", new_end AS "newEnd", amount_cents AS "amountCents", currency, status, hold_expires_at AS "holdExpiresAt"`;

interface ExtensionRow {
  id: string;
  bookingId: string;
  newEnd: Date;
  amountCents: number;
  currency: string;
  status: BookingExtensionView['status'];
  holdExpiresAt: Date | null;
}

export function toExtensionView(row: ExtensionRow): BookingExtensionView {
  return { ...row, newEnd: row.newEnd.toISOString(), holdExpiresAt: row.holdExpiresAt?.toISOString() ?? null };
}

/** A published, honest facility (`$1`) and its rate for the space type (`$2`): canaries are not bookable. */
const FACILITY_SELECT = `SELECT f.id, f.time_zone AS "timeZone", f.currency, f.opening_hours AS "openingHours",
                f.min_duration_minutes AS "minDurationMinutes", f.max_duration_minutes AS "maxDurationMinutes",
                r.hourly_cents AS "hourlyCents", r.daily_max_cents AS "dailyMaxCents", r.multipliers`;
const FACILITY_FROM = `FROM facilities f
           LEFT JOIN rates r ON r.facility_id = f.id AND r.space_type = $2::space_type
          WHERE f.id = $1 AND f.published AND NOT f.is_canary`;

type FacilityRow = Partial<Omit<BookableFacility, 'rate'>> & { hourlyCents: number | null; dailyMaxCents: number | null; multipliers: RateMultiplier[] | null };

function facilityOf(row: FacilityRow): BookableFacility | undefined {
  const { hourlyCents, dailyMaxCents, multipliers, ...facility } = row;
  if (!facility.id) return undefined;
  const found = facility as Omit<BookableFacility, 'rate'>;
  return { ...found, rate: hourlyCents === null ? null : { hourlyCents, dailyMaxCents, multipliers: multipliers ?? [], currency: found.currency } };
}

/** A blackout of a facility: no new bookings in its period. */
export interface FacilityBlackout {
  start: Date;
  end: Date;
  reason: string;
}

/** SQL of bookings. The exclusion constraint `bookings_no_overlap` is what keeps bookings apart. */
@Injectable()
export class BookingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    return withTransaction(this.dataSource, work);
  }

  /** A published, honest facility and its rate for the space type (canaries are not bookable). */
  async findBookableFacility(facilityId: string, spaceType: SpaceType): Promise<BookableFacility | undefined> {
    const rows: FacilityRow[] = await this.dataSource.query(`${FACILITY_SELECT} ${FACILITY_FROM}`, [facilityId, spaceType]);
    return rows[0] && facilityOf(rows[0]);
  }

  /**
   * What a hold needs, in one statement: the facility and its rate (as `findBookableFacility`);
   * the blackouts taking every space of the type that overlap the window widened by a minute each
   * side (the price quote rounds the window out to whole minutes: the caller keeps those that
   * overlap the quoted window); and the driver's booking already held under this Idempotency-Key.
   */
  async findForHold(
    facilityId: string,
    spaceType: SpaceType,
    window: { start: Date; end: Date },
    driverId: string,
    /** null: no earlier hold to look for (a stay checked without holding). */
    idempotencyKey: string | null,
  ): Promise<{ facility: (BookableFacility & { blackouts: FacilityBlackout[] }) | undefined; earlierId: string | undefined }> {
    const rows: (FacilityRow & { blackouts: { start: string; end: string; reason: string }[] | null; earlierId: string | null })[] = await queryPrepared(
      this.dataSource,
      `SELECT f.*, (SELECT b.id FROM bookings b WHERE b.driver_id = $5 AND b.idempotency_key = $6) AS "earlierId"
         FROM (SELECT 1) one
         LEFT JOIN LATERAL (
           ${FACILITY_SELECT},
                  (SELECT json_agg(json_build_object('start', lower(x.period), 'end', upper(x.period), 'reason', x.reason) ORDER BY lower(x.period))
                     FROM facility_blackouts x
                    WHERE x.facility_id = f.id AND x.space_ids IS NULL AND (x.space_type IS NULL OR x.space_type = $2::space_type)
                      AND x.period && tstzrange(least($3::timestamptz, $4::timestamptz) - interval '1 minute', greatest($3::timestamptz, $4::timestamptz) + interval '1 minute')
                  ) AS blackouts
             ${FACILITY_FROM}
         ) f ON true`,
      [facilityId, spaceType, window.start, window.end, driverId, idempotencyKey],
    );
    const { blackouts, earlierId, ...row } = rows[0]!;
    const facility = facilityOf(row);
    return {
      facility: facility && { ...facility, blackouts: (blackouts ?? []).map((b) => ({ start: new Date(b.start), end: new Date(b.end), reason: b.reason })) },
      earlierId: earlierId ?? undefined,
    };
  }

  /**
   * Holds a free space of the type for the window and answers the hold's view. Candidates come in
   * random order so that concurrent clients spread over the spaces; each INSERT relies on the
   * exclusion constraint and is a transaction of its own (the candidate list is only a hint, so
   * nothing needs to hold them together), and a refusal (another client took the space meanwhile)
   * moves on to the next candidate. Two INSERTs of the same space can each see the other's
   * uncommitted row inside the exclusion check and wait on each other; PostgreSQL then aborts one
   * with a deadlock (40P01), which tries the same space again: now it waits for the other and gets
   * the space only if the other rolls back.
   */
  async holdFreeSpace(hold: NewBookingHold): Promise<BookingRecord | undefined> {
    const values = (spaceId: string | null) => [
      newBookingCode(),
      hold.driverId,
      hold.facilityId,
      spaceId,
      hold.spaceType,
      hold.start,
      hold.end,
      hold.vehiclePlate,
      hold.amountCents,
      hold.currency,
      hold.holdMinutes,
      hold.idempotencyKey,
    ];
    // $4 names the space to hold; when it is null, the first free space is chosen and held in the same statement.
    const insert = `
      WITH held AS (
        INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency, hold_expires_at, idempotency_key)
        SELECT $1, $2, $3, c.space_id, $5::space_type, tstzrange($6, $7), 'pending_payment', $8, $9, $10, now() + make_interval(mins => $11), $12
          FROM (SELECT coalesce($4::uuid, (${freeSpaces('$3', '$5::space_type', 'tstzrange($6, $7)')} LIMIT 1)) AS space_id) c
         WHERE c.space_id IS NOT NULL
        RETURNING *
      ) ${bookingSelect('held')}`;
    // Mostly the first free space is still free when it is inserted: one statement holds it.
    try {
      const rows = await queryPrepared<BookingRecord>(this.dataSource, insert, values(null));
      // No row: no space of the type is free for the whole window.
      return rows[0];
    } catch (error) {
      const taken = isExclusionViolation(error) || postgresErrorOf(error).code === SQLSTATE.deadlockDetected || isUniqueViolation(error, 'bookings_code_key');
      if (!taken) throw error;
    }
    const candidates: { id: string }[] = await this.dataSource.query(`${freeSpaces('$1', '$2::space_type', 'tstzrange($3, $4)')} LIMIT 50`, [
      hold.facilityId,
      hold.spaceType,
      hold.start,
      hold.end,
    ]);
    for (const candidate of candidates) {
      for (let attempt = 0; attempt < 3; attempt++) {
        try {
          const rows = await queryPrepared<BookingRecord>(this.dataSource, insert, values(candidate.id));
          return rows[0];
        } catch (error) {
          if (isExclusionViolation(error)) break; // taken meanwhile: next candidate
          if (postgresErrorOf(error).code === SQLSTATE.deadlockDetected) continue; // the deadlock's victim: the same space again, behind the other insert
          if (isUniqueViolation(error, 'bookings_code_key')) continue; // the rare repeated code: new code
          throw error;
        }
      }
    }
    return undefined;
  }

  /**
   * For each window (in order), whether an active space of the type is free for the whole of it,
   * in one statement: what a series preview shows before anything is held.
   */
  async freeForWindows(facilityId: string, spaceType: SpaceType, windows: { start: Date; end: Date }[]): Promise<boolean[]> {
    const rows: { free: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (${freeSpaces('$1', '$2::space_type', 'tstzrange(w.start_at, w.end_at)')}) AS free
         FROM unnest($3::timestamptz[], $4::timestamptz[]) WITH ORDINALITY AS w(start_at, end_at, n)
        ORDER BY w.n`,
      [facilityId, spaceType, windows.map((w) => w.start), windows.map((w) => w.end)],
    );
    return rows.map((row) => row.free);
  }

  /**
   * Holds a free space of the type for one occurrence of a series, inside the series'
   * transaction (one hold expiry for all: `now()` is the transaction's start). A refusal by the
   * exclusion constraint (a concurrent booking took the space the statement chose) or a deadlock
   * only undoes this statement (savepoint) and tries another space; undefined when none is left.
   */
  async holdSeriesOccurrence(tx: SqlTransaction, hold: Omit<NewBookingHold, 'idempotencyKey'> & { seriesId: string }): Promise<string | undefined> {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        const row = await tx.attempt(() =>
          tx.one<{ id: string }>(
            `INSERT INTO bookings (code, driver_id, facility_id, space_id, space_type, period, status, vehicle_plate, amount_cents, currency, hold_expires_at, series_id)
             SELECT $1, $2, $3, c.space_id, $4::space_type, tstzrange($5, $6), 'pending_payment', $7, $8, $9, now() + make_interval(mins => $10), $11
               FROM (SELECT (${freeSpaces('$3', '$4::space_type', 'tstzrange($5, $6)')} LIMIT 1) AS space_id) c
              WHERE c.space_id IS NOT NULL
             RETURNING id`,
            [
              newBookingCode(),
              hold.driverId,
              hold.facilityId,
              hold.spaceType,
              hold.start,
              hold.end,
              hold.vehiclePlate,
              hold.amountCents,
              hold.currency,
              hold.holdMinutes,
              hold.seriesId,
            ],
          ),
        );
        return row?.id;
      } catch (error) {
        const retry = isExclusionViolation(error) || postgresErrorOf(error).code === SQLSTATE.deadlockDetected || isUniqueViolation(error, 'bookings_code_key');
        if (!retry) throw error;
      }
    }
    return undefined;
  }

  /** The occurrences of the series, earliest first. */
  listBySeries(seriesIds: string[]): Promise<BookingRecord[]> {
    return this.dataSource.query(`${BOOKING_SELECT} WHERE b.series_id = ANY($1::uuid[]) ORDER BY lower(b.period), b.id`, [seriesIds]);
  }

  async findById(id: string): Promise<BookingRecord | undefined> {
    const rows = await queryPrepared<BookingRecord>(this.dataSource, `${BOOKING_SELECT} WHERE b.id = $1`, [id]);
    return rows[0];
  }

  /** The booking row locked for the rest of the transaction, read with its view columns. */
  async lockById(tx: SqlTransaction, id: string): Promise<BookingRecord | undefined> {
    const locked = await tx.one<{ id: string }>(`SELECT id FROM bookings WHERE id = $1 FOR UPDATE`, [id]);
    if (!locked) return undefined;
    return (await tx.prepared<BookingRecord>(`${BOOKING_SELECT} WHERE b.id = $1`, [id]))[0];
  }

  /**
   * One page of a driver's bookings under a filter: upcoming ones first, soonest first; then
   * the rest, latest first (the id breaks ties so pages never overlap).
   */
  listByDriver(driverId: string, filter: BookingListFilter, page: { offset: number; limit: number }, now: Date): Promise<BookingRecord[]> {
    return this.dataSource.query(
      `${BOOKING_SELECT}
        WHERE b.driver_id = $1 AND ${LIST_FILTERS[filter]}
        ORDER BY ${UPCOMING} DESC, CASE WHEN ${UPCOMING} THEN lower(b.period) END ASC, lower(b.period) DESC, b.id
        LIMIT $3 OFFSET $4`,
      [driverId, now, page.limit, page.offset],
    );
  }

  /** How many of the driver's bookings each filter holds. */
  async countByDriver(driverId: string, now: Date): Promise<Record<BookingListFilter, number>> {
    const rows: Record<BookingListFilter, number>[] = await this.dataSource.query(
      `SELECT count(*)::int AS all, count(*) FILTER (WHERE ${LIST_FILTERS.upcoming})::int AS upcoming,
              count(*) FILTER (WHERE ${LIST_FILTERS.past})::int AS past, count(*) FILTER (WHERE ${LIST_FILTERS.cancelled})::int AS cancelled
         FROM bookings b WHERE b.driver_id = $1`,
      [driverId, now],
    );
    return rows[0]!;
  }

  async markCancelled(tx: SqlTransaction, id: string): Promise<void> {
    await tx.rows(`UPDATE bookings SET status = 'cancelled', cancelled_at = now(), updated_at = now(), extension_hold_end = NULL WHERE id = $1`, [id]);
    await tx.rows(`UPDATE booking_extensions SET status = 'expired' WHERE booking_id = $1 AND status = 'pending_payment'`, [id]);
  }

  async updateVehiclePlate(tx: SqlTransaction, id: string, plate: string): Promise<void> {
    await tx.rows(`UPDATE bookings SET vehicle_plate = $2, updated_at = now() WHERE id = $1`, [id, plate]);
  }

  /** An email about the booking (a notifications/ outbox kind), sent once the transaction commits. */
  async enqueueEmail(tx: SqlTransaction, kind: string, payload: object): Promise<void> {
    await tx.rows(`INSERT INTO outbox (kind, payload) VALUES ($1, $2::jsonb)`, [kind, JSON.stringify(withLinkOrigin(payload))]);
  }

  /**
   * Holds the extra time on the same space: the exclusion constraint refuses the stretch when
   * another booking has it (false). A pending extension asked for before is replaced.
   */
  async holdExtension(
    tx: SqlTransaction,
    booking: Pick<BookingRecord, 'id' | 'end' | 'currency'>,
    newEnd: Date,
    amountCents: number,
    holdMinutes: number,
  ): Promise<BookingExtensionView | undefined> {
    await tx.rows(`UPDATE booking_extensions SET status = 'expired' WHERE booking_id = $1 AND status = 'pending_payment'`, [booking.id]);
    try {
      await tx.attempt(() => tx.rows(`UPDATE bookings SET extension_hold_end = $2, updated_at = now() WHERE id = $1`, [booking.id, newEnd]));
    } catch (error) {
      if (isExclusionViolation(error)) return undefined;
      throw error;
    }
    const row = await tx.one<ExtensionRow>(
      `INSERT INTO booking_extensions (booking_id, previous_end, new_end, amount_cents, currency, hold_expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(mins => $6)) RETURNING ${EXTENSION_COLUMNS}`,
      [booking.id, booking.end, newEnd, amountCents, booking.currency, holdMinutes],
    );
    return toExtensionView(row!);
  }

  /** Free spaces of the type for the whole window, other than `exceptSpaceId`. */
  async countOtherFreeSpaces(facilityId: string, spaceType: SpaceType, start: Date, end: Date, exceptSpaceId: string): Promise<number> {
    const rows: { free: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS free FROM spaces s
        WHERE s.facility_id = $1 AND s.space_type = $2::space_type AND s.active AND s.id <> $5
          AND NOT EXISTS (${liveBookingOf('s', 'tstzrange($3, $4)')})
          AND NOT ${spaceBlackedOut('s', 'tstzrange($3, $4)')}`,
      [facilityId, spaceType, start, end, exceptSpaceId],
    );
    return rows[0]?.free ?? 0;
  }

  /** Unpaid holds whose time is up become `expired`, freeing their space. */
  async releaseExpiredHolds(batchSize = 1000): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(RELEASE_EXPIRED_HOLDS_SQL, [batchSize]);
    return rows[0]?.n ?? 0;
  }

  /**
   * Unpaid extensions whose time is up lapse and give the extra time back. Both rows are taken
   * with SKIP LOCKED, so the job never waits on (or deadlocks with) a payment in progress.
   */
  async releaseLapsedExtensionHolds(batchSize = 1000): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(RELEASE_LAPSED_EXTENSION_HOLDS_SQL, [batchSize]);
    return rows[0]?.n ?? 0;
  }

  /** Paid bookings whose time is over become `completed` (not while an extension is held), the longest-ended first. */
  async completeFinished(batchSize = 1000): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(COMPLETE_FINISHED_SQL, [batchSize]);
    return rows[0]?.n ?? 0;
  }
}
