import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type {
  Amenity,
  BookingStatus,
  OpeningHours,
  OperatorBookingSort,
  RateChangeSource,
  RateInput,
  RateMultiplier,
  SpaceCounts,
  SpaceType,
} from '@aiparksit/shared';
import { changedRows, isUniqueViolation, withTransaction, type SqlTransaction } from '../database/index.js';
import { FACILITY_SUMMARY_COLUMNS, LISTED, type FacilitySummaryRow } from '../facilities/index.js';
import { slugCandidate } from './slug.js';

const LIVE = `('pending_payment', 'confirmed')`;

/** The columns a facility is written with; keys are the request's names. */
export interface FacilityFields {
  name: string;
  description: string;
  addressLine: string;
  city: string;
  postalCode: string;
  countryCode: string;
  latitude: number;
  longitude: number;
  timeZone: string;
  currency: string;
  openingHours: OpeningHours;
  amenities: Amenity[];
  heightLimitCm: number | null;
  photos: string[];
  minDurationMinutes: number;
  maxDurationMinutes: number;
  published: boolean;
}

const COLUMN_OF: Record<keyof FacilityFields, string> = {
  name: 'name',
  description: 'description',
  addressLine: 'address_line',
  city: 'city',
  postalCode: 'postal_code',
  countryCode: 'country_code',
  latitude: 'latitude',
  longitude: 'longitude',
  timeZone: 'time_zone',
  currency: 'currency',
  openingHours: 'opening_hours',
  amenities: 'amenities',
  heightLimitCm: 'height_limit_cm',
  photos: 'photos',
  minDurationMinutes: 'min_duration_minutes',
  maxDurationMinutes: 'max_duration_minutes',
  published: 'published',
};

/** What ownership checks need: the facility and the account owning its operator. */
/** What a rate change did to one space type's card (null: none before, or removed). */
export interface RateChangeRow {
  spaceType: SpaceType;
  before: RateInput | null;
  after: RateInput | null;
}

/** Who changed rates and how: by hand, or by accepting a price suggestion. */
export interface RateChangeAudit {
  changedBy: string;
  source: RateChangeSource;
  suggestionId?: string;
}

export interface OwnedFacilityRow {
  id: string;
  operatorId: string;
  ownerId: string;
  minDurationMinutes: number;
  maxDurationMinutes: number;
}

export interface ManagedFacilityRow extends FacilitySummaryRow {
  operatorId: string;
  description: string;
  openingHours: OpeningHours;
  minDurationMinutes: number;
  maxDurationMinutes: number;
  published: boolean;
  listed: boolean;
  createdAt: Date;
  updatedAt: Date;
  rates: { spaceType: SpaceType; hourlyCents: number; dailyMaxCents: number | null; multipliers: RateMultiplier[] }[];
  spaceCounts: { spaceType: SpaceType; active: boolean; count: number }[];
}

export interface BookingInSpaceRow {
  id: string;
  code: string;
  spaceId: string;
  spaceLabel: string;
  start: Date;
  end: Date;
  status: BookingStatus;
}

export interface SpaceRow {
  id: string;
  label: string;
  spaceType: SpaceType;
  active: boolean;
  next: { id: string; code: string; start: string; end: string; status: BookingStatus } | null;
}

export interface BlackoutRow {
  id: string;
  facilityId: string;
  start: Date;
  end: Date;
  spaceType: SpaceType | null;
  spaceIds: string[] | null;
  reason: string;
  createdAt: Date;
}

export interface OperatorFacilityListRow {
  id: string;
  name: string;
  slug: string;
  city: string;
  published: boolean;
  listed: boolean;
  activeSpaces: number;
  inactiveSpaces: number;
  upcomingBookings: number;
  currentBlackouts: number;
}

export interface OperatorBookingFilters {
  /** Only facilities of operators this account owns; undefined for admins (all). */
  ownerId: string | undefined;
  facilityId?: string | undefined;
  status?: BookingStatus | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  q?: string | undefined;
}

export interface OperatorBookingDbRow {
  id: string;
  code: string;
  facilityId: string;
  facilityName: string;
  facilityTimeZone: string;
  spaceLabel: string;
  spaceType: SpaceType;
  start: Date;
  end: Date;
  status: BookingStatus;
  vehiclePlate: string;
  amountCents: number;
  currency: string;
  createdAt: Date;
}

/** Where a keyset page continues: the sort column's value and the id of the previous page's last row. */
export interface OperatorBookingPosition {
  value: Date;
  id: string;
}

export interface OperatorBookingDetailRow extends OperatorBookingDbRow {
  ownerId: string;
  facilityCity: string;
  holdExpiresAt: Date | null;
  confirmedAt: Date | null;
  cancelledAt: Date | null;
}

export interface BookingPaymentRow {
  id: string;
  extensionId: string | null;
  provider: string;
  status: 'succeeded' | 'declined' | 'failed' | 'refunded' | 'partially_refunded';
  amountCents: number;
  refundedCents: number;
  currency: string;
  cardBrand: string | null;
  cardLast4: string | null;
  failureCode: string | null;
  createdAt: Date;
}

export interface BookingRefundRow {
  paymentId: string | null;
  amountCents: string;
  currency: string;
  refundedAt: Date;
}

export interface BookingExtensionRow {
  id: string;
  previousEnd: Date;
  newEnd: Date;
  amountCents: number;
  currency: string;
  status: 'pending_payment' | 'confirmed' | 'expired';
  createdAt: Date;
}

/** The SQL column each sort orders by, and its direction; ties are broken by id in the same direction. */
const SORT_SQL: Record<OperatorBookingSort, { column: string; descending: boolean }> = {
  created_desc: { column: 'b.created_at', descending: true },
  created_asc: { column: 'b.created_at', descending: false },
  start_desc: { column: 'lower(b.period)', descending: true },
  start_asc: { column: 'lower(b.period)', descending: false },
};

const OPERATOR_BOOKING_COLUMNS = `b.id, b.code, b.facility_id AS "facilityId", f.name AS "facilityName", f.time_zone AS "facilityTimeZone",
              s.label AS "spaceLabel", b.space_type AS "spaceType", lower(b.period) AS start, upper(b.period) AS "end", b.status,
              b.vehicle_plate AS "vehiclePlate", b.amount_cents AS "amountCents", b.currency, b.created_at AS "createdAt"`;

const BLACKOUT_COLUMNS = `id, facility_id AS "facilityId", lower(period) AS start, upper(period) AS "end", space_type AS "spaceType",
  space_ids AS "spaceIds", reason, created_at AS "createdAt"`;

/** SQL of the operator's side of facilities: writes, spaces, blackouts, the operator's bookings. */
@Injectable()
export class FacilityManagementRepository {
  constructor(private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
    return withTransaction(this.dataSource, work);
  }

  async findOperatorOfOwner(ownerId: string): Promise<{ id: string } | undefined> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM operators WHERE owner_id = $1`, [ownerId]);
    return rows[0];
  }

  async operatorExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(`SELECT 1 FROM operators WHERE id = $1`, [id]);
    return rows.length > 0;
  }

  async findOwned(id: string): Promise<OwnedFacilityRow | undefined> {
    const rows: OwnedFacilityRow[] = await this.dataSource.query(
      `SELECT f.id, f.operator_id AS "operatorId", o.owner_id AS "ownerId",
              f.min_duration_minutes AS "minDurationMinutes", f.max_duration_minutes AS "maxDurationMinutes"
         FROM facilities f JOIN operators o ON o.id = f.operator_id
        WHERE f.id = $1`,
      [id],
    );
    return rows[0];
  }

  /**
   * Inserts the facility under the first free slug of `slugBase`, `slugBase-2`, …; a slug taken
   * meanwhile by a concurrent insert only undoes its savepoint before the next candidate.
   */
  async insertFacility(tx: SqlTransaction, operatorId: string, fields: FacilityFields, slugBase: string): Promise<string> {
    const taken = await tx.rows<{ slug: string }>(`SELECT slug FROM facilities WHERE slug = $1 OR slug ~ ('^' || $2 || '-[0-9]+$')`, [slugBase, slugBase]);
    const takenSet = new Set(taken.map((t) => t.slug));
    for (let attempt = 0; attempt < 1000; attempt++) {
      const slug = slugCandidate(slugBase, attempt);
      if (takenSet.has(slug)) continue;
      try {
        const row = await tx.attempt(() =>
          tx.one<{ id: string }>(
            `INSERT INTO facilities (operator_id, slug, name, description, address_line, city, postal_code, country_code, latitude, longitude, time_zone,
                                     currency, opening_hours, amenities, height_limit_cm, photos, min_duration_minutes, max_duration_minutes, published)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14::text[], $15, $16::text[], $17, $18, $19)
             RETURNING id`,
            [
              operatorId,
              slug,
              fields.name,
              fields.description,
              fields.addressLine,
              fields.city,
              fields.postalCode,
              fields.countryCode,
              fields.latitude,
              fields.longitude,
              fields.timeZone,
              fields.currency,
              fields.openingHours === null ? null : JSON.stringify(fields.openingHours),
              fields.amenities,
              fields.heightLimitCm,
              fields.photos,
              fields.minDurationMinutes,
              fields.maxDurationMinutes,
              fields.published,
            ],
          ),
        );
        return row!.id;
      } catch (error) {
        if (isUniqueViolation(error, 'facilities_slug_key')) continue;
        throw error;
      }
    }
    throw new Error(`no free slug for ${slugBase}`);
  }

  async updateFacility(tx: SqlTransaction, id: string, fields: Partial<FacilityFields>): Promise<void> {
    const sets: string[] = [];
    const values: unknown[] = [id];
    for (const [key, value] of Object.entries(fields) as [keyof FacilityFields, unknown][]) {
      if (value === undefined) continue;
      values.push(key === 'openingHours' && value !== null ? JSON.stringify(value) : value);
      const cast = key === 'openingHours' ? '::jsonb' : key === 'amenities' || key === 'photos' ? '::text[]' : '';
      sets.push(`${COLUMN_OF[key]} = $${values.length}${cast}`);
    }
    await tx.rows(`UPDATE facilities SET ${[...sets, 'updated_at = now()'].join(', ')} WHERE id = $1`, values);
  }

  /** Serialises changes to one facility's spaces and rates (label numbering, rate coverage). */
  async lockFacility(tx: SqlTransaction, id: string): Promise<void> {
    await tx.rows(`SELECT id FROM facilities WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** Replaces the facility's rate cards with these. */
  async replaceRates(tx: SqlTransaction, facilityId: string, rates: RateInput[]): Promise<void> {
    await tx.rows(`DELETE FROM rates WHERE facility_id = $1 AND NOT (space_type = ANY ($2::space_type[]))`, [facilityId, rates.map((r) => r.spaceType)]);
    for (const rate of rates) {
      await tx.rows(
        `INSERT INTO rates (facility_id, space_type, hourly_cents, daily_max_cents, multipliers) VALUES ($1, $2::space_type, $3, $4, $5::jsonb)
         ON CONFLICT (facility_id, space_type) DO UPDATE
           SET hourly_cents = EXCLUDED.hourly_cents, daily_max_cents = EXCLUDED.daily_max_cents, multipliers = EXCLUDED.multipliers, updated_at = now()`,
        [facilityId, rate.spaceType, rate.hourlyCents, rate.dailyMaxCents, JSON.stringify(rate.multipliers)],
      );
    }
  }

  /** The facility's rate cards as they stand (read under the facility's lock before a change). */
  async ratesOf(tx: SqlTransaction, facilityId: string): Promise<RateInput[]> {
    return tx.rows<RateInput>(
      `SELECT space_type AS "spaceType", hourly_cents AS "hourlyCents", daily_max_cents AS "dailyMaxCents", multipliers
         FROM rates WHERE facility_id = $1 ORDER BY space_type`,
      [facilityId],
    );
  }

  /** The audit of a rate change: one row per space type whose card it created, changed or removed. */
  async insertRateChanges(tx: SqlTransaction, facilityId: string, changes: RateChangeRow[], audit: RateChangeAudit): Promise<void> {
    if (!changes.length) return;
    await tx.rows(
      `INSERT INTO rate_changes (facility_id, space_type, before, after, source, suggestion_id, changed_by)
       SELECT $1, c.space_type, c.before, c.after, $3, $4, $5
         FROM jsonb_to_recordset($2::jsonb) AS c(space_type space_type, before jsonb, after jsonb)`,
      [
        facilityId,
        JSON.stringify(changes.map((c) => ({ space_type: c.spaceType, before: c.before, after: c.after }))),
        audit.source,
        audit.suggestionId ?? null,
        audit.changedBy,
      ],
    );
  }

  /** Space types that have spaces (active or not) at the facility. */
  async spaceTypesOf(tx: SqlTransaction, facilityId: string): Promise<SpaceType[]> {
    const rows = await tx.rows<{ spaceType: SpaceType }>(`SELECT DISTINCT space_type AS "spaceType" FROM spaces WHERE facility_id = $1`, [facilityId]);
    return rows.map((r) => r.spaceType);
  }

  async rateTypesOf(tx: SqlTransaction, facilityId: string): Promise<SpaceType[]> {
    const rows = await tx.rows<{ spaceType: SpaceType }>(`SELECT space_type AS "spaceType" FROM rates WHERE facility_id = $1`, [facilityId]);
    return rows.map((r) => r.spaceType);
  }

  /**
   * Adds spaces labelled TYPE-001, TYPE-002, …, continuing after the highest number the type
   * has at the facility (the caller holds the facility's lock, so labels cannot collide).
   */
  async addSpaces(tx: SqlTransaction, facilityId: string, counts: SpaceCounts): Promise<void> {
    for (const [type, count] of Object.entries(counts) as [SpaceType, number][]) {
      if (!count) continue;
      await tx.rows(
        `INSERT INTO spaces (facility_id, label, space_type)
         SELECT $1, $2 || '-' || lpad((m.last + n)::text, 3, '0'), $3::space_type
           FROM (SELECT coalesce(max(substring(label FROM '-([0-9]+)$')::int), 0) AS last
                   FROM spaces WHERE facility_id = $1 AND space_type = $3::space_type) m,
                generate_series(1, $4::int) AS n
          ORDER BY n`,
        [facilityId, type.toUpperCase(), type, count],
      );
    }
  }

  async findManaged(id: string): Promise<ManagedFacilityRow | undefined> {
    const rows: ManagedFacilityRow[] = await this.dataSource.query(
      `SELECT ${FACILITY_SUMMARY_COLUMNS}, f.operator_id AS "operatorId", f.description, f.opening_hours AS "openingHours",
              f.min_duration_minutes AS "minDurationMinutes", f.max_duration_minutes AS "maxDurationMinutes",
              f.published, (${LISTED}) AS listed, f.created_at AS "createdAt", f.updated_at AS "updatedAt",
              COALESCE((SELECT json_agg(json_build_object('spaceType', r.space_type, 'hourlyCents', r.hourly_cents,
                                                          'dailyMaxCents', r.daily_max_cents, 'multipliers', r.multipliers) ORDER BY r.space_type)
                          FROM rates r WHERE r.facility_id = f.id), '[]') AS rates,
              COALESCE((SELECT json_agg(json_build_object('spaceType', t.space_type, 'active', t.active, 'count', t.count) ORDER BY t.space_type)
                          FROM (SELECT s.space_type, s.active, count(*)::int AS count FROM spaces s WHERE s.facility_id = f.id GROUP BY s.space_type, s.active) t), '[]') AS "spaceCounts"
         FROM facilities f JOIN operators o ON o.id = f.operator_id
        WHERE f.id = $1`,
      [id],
    );
    return rows[0];
  }

  /** Every space of the facility in label order, with the next live booking that has not ended. */
  listSpaces(facilityId: string, now: Date): Promise<SpaceRow[]> {
    return this.dataSource.query(
      `SELECT s.id, s.label, s.space_type AS "spaceType", s.active,
              (SELECT json_build_object('id', b.id, 'code', b.code, 'start', lower(b.period), 'end', upper(b.period), 'status', b.status)
                 FROM bookings b
                WHERE b.space_id = s.id AND b.status IN ${LIVE} AND upper(b.occupied_period) > $2
                ORDER BY lower(b.period) LIMIT 1) AS next
         FROM spaces s
        WHERE s.facility_id = $1
        ORDER BY s.space_type, s.label`,
      [facilityId, now],
    );
  }

  async lockSpace(tx: SqlTransaction, facilityId: string, spaceId: string): Promise<{ id: string; active: boolean } | undefined> {
    return tx.one(`SELECT id, active FROM spaces WHERE id = $1 AND facility_id = $2 FOR UPDATE`, [spaceId, facilityId]);
  }

  /** Live bookings of the space that have not ended: they keep it from being deactivated. */
  futureLiveBookings(tx: SqlTransaction, spaceId: string, now: Date): Promise<BookingInSpaceRow[]> {
    return tx.rows(
      `SELECT b.id, b.code, b.space_id AS "spaceId", s.label AS "spaceLabel", lower(b.period) AS start, upper(b.occupied_period) AS "end", b.status
         FROM bookings b JOIN spaces s ON s.id = b.space_id
        WHERE b.space_id = $1 AND b.status IN ${LIVE} AND upper(b.occupied_period) > $2
        ORDER BY lower(b.period)`,
      [spaceId, now],
    );
  }

  async setSpaceActive(tx: SqlTransaction, spaceId: string, active: boolean): Promise<void> {
    await tx.rows(`UPDATE spaces SET active = $2 WHERE id = $1`, [spaceId, active]);
  }

  async countSpacesOf(facilityId: string, spaceIds: string[]): Promise<number> {
    const rows: { n: number }[] = await this.dataSource.query(`SELECT count(*)::int AS n FROM spaces WHERE facility_id = $1 AND id = ANY ($2::uuid[])`, [
      facilityId,
      spaceIds,
    ]);
    return rows[0]!.n;
  }

  async insertBlackout(
    facilityId: string,
    blackout: { start: Date; end: Date; spaceType: SpaceType | null; spaceIds: string[] | null; reason: string; createdBy: string },
  ): Promise<BlackoutRow> {
    const rows: BlackoutRow[] = await this.dataSource.query(
      `INSERT INTO facility_blackouts (facility_id, period, space_type, space_ids, reason, created_by)
       VALUES ($1, tstzrange($2, $3), $4::space_type, $5::uuid[], $6, $7)
       RETURNING ${BLACKOUT_COLUMNS}`,
      [facilityId, blackout.start, blackout.end, blackout.spaceType, blackout.spaceIds, blackout.reason, blackout.createdBy],
    );
    return rows[0]!;
  }

  /** Live bookings inside a blackout: kept, and listed for the operator. */
  bookingsInside(blackout: BlackoutRow): Promise<BookingInSpaceRow[]> {
    return this.dataSource.query(
      `SELECT b.id, b.code, b.space_id AS "spaceId", s.label AS "spaceLabel", lower(b.period) AS start, upper(b.occupied_period) AS "end", b.status
         FROM bookings b JOIN spaces s ON s.id = b.space_id
        WHERE b.facility_id = $1 AND b.status IN ${LIVE} AND b.occupied_period && tstzrange($2, $3)
          AND ($4::space_type IS NULL OR s.space_type = $4::space_type)
          AND ($5::uuid[] IS NULL OR s.id = ANY ($5::uuid[]))
        ORDER BY lower(b.period), s.label`,
      [blackout.facilityId, blackout.start, blackout.end, blackout.spaceType, blackout.spaceIds],
    );
  }

  listBlackouts(facilityId: string): Promise<BlackoutRow[]> {
    return this.dataSource.query(`SELECT ${BLACKOUT_COLUMNS} FROM facility_blackouts WHERE facility_id = $1 ORDER BY lower(period), id`, [facilityId]);
  }

  async deleteBlackout(facilityId: string, blackoutId: string): Promise<boolean> {
    const deleted = await changedRows(this.dataSource, `DELETE FROM facility_blackouts WHERE id = $1 AND facility_id = $2 RETURNING id`, [
      blackoutId,
      facilityId,
    ]);
    return deleted.length > 0;
  }

  /** The account's facilities (all for an admin), published or not, with counts. */
  operatorFacilities(ownerId: string | undefined, now: Date): Promise<OperatorFacilityListRow[]> {
    return this.dataSource.query(
      `SELECT f.id, f.name, f.slug, f.city, f.published, (${LISTED}) AS listed,
              (SELECT count(*)::int FROM spaces s WHERE s.facility_id = f.id AND s.active) AS "activeSpaces",
              (SELECT count(*)::int FROM spaces s WHERE s.facility_id = f.id AND NOT s.active) AS "inactiveSpaces",
              (SELECT count(*)::int FROM bookings b WHERE b.facility_id = f.id AND b.status IN ${LIVE} AND b.occupied_period && tstzrange($2, NULL)) AS "upcomingBookings",
              (SELECT count(*)::int FROM facility_blackouts x WHERE x.facility_id = f.id AND x.period && tstzrange($2, NULL)) AS "currentBlackouts"
         FROM facilities f JOIN operators o ON o.id = f.operator_id
        WHERE ($1::uuid IS NULL OR o.owner_id = $1) AND NOT f.is_canary
        ORDER BY f.name, f.id`,
      [ownerId ?? null, now],
    );
  }

  /**
   * Bookings of the account's facilities in `sort` order, keyset-paged on (sort column, id).
   * `q` matches a booking code exactly or the beginning of a plate, ignoring spaces and dashes.
   */
  operatorBookings(
    filters: OperatorBookingFilters,
    sort: OperatorBookingSort,
    after: OperatorBookingPosition | undefined,
    limit: number,
  ): Promise<OperatorBookingDbRow[]> {
    const values: unknown[] = [];
    const add = (value: unknown, cast: string) => {
      values.push(value);
      return `$${values.length}::${cast}`;
    };
    const conditions = this.bookingConditions(filters, add);
    const order = SORT_SQL[sort];
    if (after) conditions.push(`(${order.column}, b.id) ${order.descending ? '<' : '>'} (${add(after.value, 'timestamptz')}, ${add(after.id, 'uuid')})`);
    const direction = order.descending ? 'DESC' : 'ASC';
    return this.dataSource.query(
      `SELECT ${OPERATOR_BOOKING_COLUMNS}
         FROM bookings b
         JOIN facilities f ON f.id = b.facility_id
         JOIN operators o ON o.id = f.operator_id
         JOIN spaces s ON s.id = b.space_id
        ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY ${order.column} ${direction}, b.id ${direction}
        LIMIT ${add(limit, 'int')}`,
      values,
    );
  }

  /** Time zones and currencies of the facilities an export covers, to name them in the CSV header. */
  async exportScope(filters: OperatorBookingFilters): Promise<{ timeZones: string[]; currencies: string[] }> {
    const rows: { timeZones: string[] | null; currencies: string[] | null }[] = await this.dataSource.query(
      `SELECT array_agg(DISTINCT f.time_zone ORDER BY f.time_zone) AS "timeZones", array_agg(DISTINCT f.currency ORDER BY f.currency) AS currencies
         FROM facilities f JOIN operators o ON o.id = f.operator_id
        WHERE ($1::uuid IS NULL OR o.owner_id = $1) AND ($2::uuid IS NULL OR f.id = $2)`,
      [filters.ownerId ?? null, filters.facilityId ?? null],
    );
    return { timeZones: rows[0]?.timeZones ?? [], currencies: rows[0]?.currencies ?? [] };
  }

  private bookingConditions(filters: OperatorBookingFilters, add: (value: unknown, cast: string) => string): string[] {
    const conditions: string[] = [];
    if (filters.ownerId !== undefined) conditions.push(`o.owner_id = ${add(filters.ownerId, 'uuid')}`);
    if (filters.facilityId !== undefined) conditions.push(`b.facility_id = ${add(filters.facilityId, 'uuid')}`);
    if (filters.status !== undefined) conditions.push(`b.status = ${add(filters.status, 'booking_status')}`);
    if (filters.from !== undefined || filters.to !== undefined) {
      conditions.push(`b.period && tstzrange(${add(filters.from ?? null, 'timestamptz')}, ${add(filters.to ?? null, 'timestamptz')})`);
    }
    if (filters.q !== undefined) {
      const code = add(filters.q.toUpperCase(), 'text');
      const plate = add(filters.q.toUpperCase().replace(/[^A-Z0-9]/g, ''), 'text');
      conditions.push(`(b.code = ${code} OR (${plate} <> '' AND starts_with(regexp_replace(b.vehicle_plate, '[^A-Z0-9]', '', 'g'), ${plate})))`);
    }
    return conditions;
  }

  /** One booking with what its operator's detail page shows; the caller checks the owner. */
  async bookingDetail(id: string): Promise<OperatorBookingDetailRow | undefined> {
    const rows: OperatorBookingDetailRow[] = await this.dataSource.query(
      `SELECT ${OPERATOR_BOOKING_COLUMNS}, o.owner_id AS "ownerId", f.city AS "facilityCity",
              b.hold_expires_at AS "holdExpiresAt", b.confirmed_at AS "confirmedAt", b.cancelled_at AS "cancelledAt"
         FROM bookings b
         JOIN facilities f ON f.id = b.facility_id
         JOIN operators o ON o.id = f.operator_id
         JOIN spaces s ON s.id = b.space_id
        WHERE b.id = $1`,
      [id],
    );
    return rows[0];
  }

  /** Every charge attempt of the booking and its extensions, oldest first. */
  bookingPayments(bookingId: string): Promise<BookingPaymentRow[]> {
    return this.dataSource.query(
      `SELECT id, extension_id AS "extensionId", provider, status, amount_cents AS "amountCents", refunded_cents AS "refundedCents", currency,
              card_brand AS "cardBrand", card_last4 AS "cardLast4", failure_code AS "failureCode", created_at AS "createdAt"
         FROM payments WHERE booking_id = $1 ORDER BY created_at, id`,
      [bookingId],
    );
  }

  /** Refunds as the ledger booked them (the `refund` account holds what went back to the driver). */
  bookingRefunds(bookingId: string): Promise<BookingRefundRow[]> {
    return this.dataSource.query(
      `SELECT payment_id AS "paymentId", abs(amount_cents)::text AS "amountCents", currency, occurred_at AS "refundedAt"
         FROM ledger_entries WHERE booking_id = $1 AND account = 'refund' ORDER BY occurred_at, id`,
      [bookingId],
    );
  }

  bookingExtensions(bookingId: string): Promise<BookingExtensionRow[]> {
    return this.dataSource.query(
      `SELECT id, previous_end AS "previousEnd", new_end AS "newEnd", amount_cents AS "amountCents", currency, status, created_at AS "createdAt"
         FROM booking_extensions WHERE booking_id = $1 ORDER BY created_at, id`,
      [bookingId],
    );
  }

  /** Locks the named spaces of the facility, in id order (two bulk changes cannot deadlock). */
  lockSpaces(tx: SqlTransaction, facilityId: string, spaceIds: string[]): Promise<{ id: string; active: boolean }[]> {
    return tx.rows(`SELECT id, active FROM spaces WHERE facility_id = $1 AND id = ANY ($2::uuid[]) ORDER BY id FOR UPDATE`, [facilityId, spaceIds]);
  }

  /** Live bookings of these spaces that have not ended: they keep them from being deactivated. */
  futureLiveBookingsOfSpaces(tx: SqlTransaction, spaceIds: string[], now: Date): Promise<BookingInSpaceRow[]> {
    return tx.rows(
      `SELECT b.id, b.code, b.space_id AS "spaceId", s.label AS "spaceLabel", lower(b.period) AS start, upper(b.occupied_period) AS "end", b.status
         FROM bookings b JOIN spaces s ON s.id = b.space_id
        WHERE b.space_id = ANY ($1::uuid[]) AND b.status IN ${LIVE} AND upper(b.occupied_period) > $2
        ORDER BY s.label, lower(b.period)`,
      [spaceIds, now],
    );
  }

  /** Sets the state of those spaces not already in it; answers how many changed. */
  async setSpacesActive(tx: SqlTransaction, spaceIds: string[], active: boolean): Promise<number> {
    const rows = await tx.rows<{ id: string }>(`UPDATE spaces SET active = $2 WHERE id = ANY ($1::uuid[]) AND active <> $2 RETURNING id`, [spaceIds, active]);
    return rows.length;
  }
}
