import type pg from 'pg';
import type { Amenity, OpeningHours, RateMultiplier, SpaceType } from '@aiparksit/shared';
import { createUser, type TestAccount } from './factories.js';
import { unique } from './db.js';

/** An operator company with its owning account. */
export interface TestOperator {
  id: string;
  owner: TestAccount;
}

export interface TestFacility {
  id: string;
  operatorId: string;
  slug: string;
  /** Space ids per type, in label order. */
  spaces: Partial<Record<SpaceType, string[]>>;
}

export interface FacilityOptions {
  name?: string;
  addressLine?: string;
  city?: string;
  lat?: number;
  lng?: number;
  timeZone?: string;
  currency?: string;
  /** `null` (the default) is open around the clock. */
  openingHours?: OpeningHours;
  amenities?: Amenity[];
  heightLimitCm?: number | null;
  published?: boolean;
  isCanary?: boolean;
  minDurationMinutes?: number;
  maxDurationMinutes?: number;
  /** Spaces to create per type; default three standard spaces. */
  spaces?: Partial<Record<SpaceType, number>>;
  /** Hourly price per type in cents; every type with spaces gets a rate (default 300). */
  hourlyCents?: Partial<Record<SpaceType, number>>;
  dailyMaxCents?: number | null;
  multipliers?: RateMultiplier[];
}

/** An approved operator (owner account included), inserted straight into SQL. */
export async function createOperator(
  pool: pg.Pool,
  options: { status?: 'draft' | 'submitted' | 'approved' | 'rejected'; displayName?: string } = {},
): Promise<TestOperator> {
  const owner = await createUser(pool, { role: 'operator' });
  const displayName = options.displayName ?? unique('Test Parking');
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO operators (owner_id, legal_name, display_name, status, rejection_reason)
     VALUES ($1, $2, $3, $4::operator_status, CASE WHEN $4::operator_status = 'rejected' THEN 'Test rejection' END) RETURNING id`,
    [owner.id, `${displayName} Ltd`, displayName, options.status ?? 'approved'],
  );
  return { id: rows[0]!.id, owner };
}

/** A facility of the operator with spaces and rates, published unless told otherwise. */
export async function createFacility(pool: pg.Pool, operator: Pick<TestOperator, 'id'>, options: FacilityOptions = {}): Promise<TestFacility> {
  const slug = unique('test-garage');
  const { rows } = await pool.query<{ id: string }>(
    `INSERT INTO facilities (operator_id, name, slug, address_line, city, postal_code, country_code, latitude, longitude, time_zone, currency,
                             opening_hours, amenities, height_limit_cm, published, is_canary, min_duration_minutes, max_duration_minutes)
     VALUES ($1, $2, $3, $16, $4, '10115', 'DE', $5, $6, $7, $8, $9::jsonb, $10::text[], $11, $12, $13, $14, $15)
     RETURNING id`,
    [
      operator.id,
      options.name ?? `Garage ${slug}`,
      slug,
      options.city ?? 'Testville',
      options.lat ?? 52.52,
      options.lng ?? 13.405,
      options.timeZone ?? 'Europe/Berlin',
      options.currency ?? 'EUR',
      options.openingHours == null ? null : JSON.stringify(options.openingHours),
      options.amenities ?? [],
      options.heightLimitCm ?? null,
      options.published ?? true,
      options.isCanary ?? false,
      options.minDurationMinutes ?? 30,
      options.maxDurationMinutes ?? 43_200,
      options.addressLine ?? '1 Test Street',
    ],
  );
  const facilityId = rows[0]!.id;
  const spaces: TestFacility['spaces'] = {};
  for (const [type, count] of Object.entries(options.spaces ?? { standard: 3 }) as [SpaceType, number][]) {
    const inserted = await pool.query<{ id: string }>(
      `INSERT INTO spaces (facility_id, label, space_type)
       SELECT $1, $2 || '-' || lpad(n::text, 3, '0'), $3::space_type FROM generate_series(1, $4::int) AS n
       ORDER BY n RETURNING id`,
      [facilityId, type.toUpperCase(), type, count],
    );
    spaces[type] = inserted.rows.map((r) => r.id);
    await pool.query(`INSERT INTO rates (facility_id, space_type, hourly_cents, daily_max_cents, multipliers) VALUES ($1, $2::space_type, $3, $4, $5::jsonb)`, [
      facilityId,
      type,
      options.hourlyCents?.[type] ?? 300,
      options.dailyMaxCents ?? null,
      JSON.stringify(options.multipliers ?? []),
    ]);
  }
  return { id: facilityId, operatorId: operator.id, slug, spaces };
}

/** Shortcut: a new approved operator with one published facility. */
export async function createOperatorWithFacility(pool: pg.Pool, options: FacilityOptions = {}): Promise<{ operator: TestOperator; facility: TestFacility }> {
  const operator = await createOperator(pool);
  return { operator, facility: await createFacility(pool, operator, options) };
}
