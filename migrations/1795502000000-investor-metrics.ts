import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ECB euro foreign exchange reference rates, monthly averages of the daily rates (units per EUR),
 * dated on the first day of their month: the demo period's history, from 2024-01 to 2025-08. Later
 * days use the latest one until an admin adds more (PUT /api/admin/fx-rates).
 */
const ECB_MONTHLY: Record<string, number[]> = {
  // 2024-01 … 2024-12, 2025-01 … 2025-08
  CHF: [
    0.9391, 0.9478, 0.9718, 0.9818, 0.9844, 0.9683, 0.9675, 0.9464, 0.9404, 0.9384, 0.9345, 0.9313, 0.9422, 0.9404, 0.9531, 0.9328, 0.9349, 0.9391, 0.9339,
    0.9381,
  ],
  GBP: [
    0.8596, 0.8557, 0.8556, 0.8571, 0.8547, 0.8467, 0.8445, 0.8518, 0.8412, 0.8346, 0.8321, 0.8276, 0.8374, 0.8303, 0.8359, 0.8551, 0.8442, 0.85, 0.862, 0.8667,
  ],
  DKK: [
    7.4573, 7.4541, 7.4564, 7.4597, 7.4608, 7.4589, 7.4605, 7.4621, 7.4589, 7.4597, 7.4583, 7.4581, 7.4615, 7.4598, 7.4602, 7.4681, 7.4602, 7.4597, 7.4633,
    7.4636,
  ],
};
const ecbRows = () =>
  Object.entries(ECB_MONTHLY).flatMap(([currency, rates]) =>
    rates.map((rate, i) => `('${currency}', '${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01', ${rate})`),
  );

const SPACE_TYPES = ['standard', 'ev', 'accessible', 'oversize', 'motorcycle'];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const SPACE_COLUMNS = SPACE_TYPES.map((t) => `spaces_${t}`);
const OPEN_COLUMNS = WEEKDAYS.map((d) => `open_${d}`);
const SUPPLY_COLUMNS = ['facilities', ...SPACE_COLUMNS, ...OPEN_COLUMNS];

const MONEY_SUMS = `
  coalesce(sum(d.sign * d.amount_cents) FILTER (WHERE d.account = 'gross'), 0),
  coalesce(sum(d.sign * d.amount_cents) FILTER (WHERE d.account = 'platform_fee'), 0),
  coalesce(sum(d.sign * d.amount_cents) FILTER (WHERE d.account = 'refund'), 0),
  coalesce(sum(d.sign * d.amount_cents) FILTER (WHERE d.account = 'refund_platform_fee'), 0),
  coalesce(sum(d.sign) FILTER (WHERE d.first_payment), 0)::int`;
const MONEY_COLUMNS = 'gross_cents, fee_cents, refund_cents, refund_fee_cents, paid_bookings';
const MONEY_ADD = MONEY_COLUMNS.split(', ')
  .map((c) => `${c} = r.${c} + EXCLUDED.${c}`)
  .join(', ');

/**
 * The money rollups from signed ledger lines `source` (columns of `metrics_money_delta`), each
 * filed under the facility's local day of `occurred_at`: per city × currency × space type × day
 * (platform sums and slices), per facility × day and per facility × month (top lists; months for
 * whole months of a period, days for its edges).
 */
const moneyUpsert = (source: string) => `
  WITH d AS MATERIALIZED (
    SELECT s.*, (s.occurred_at AT TIME ZONE s.time_zone)::date AS day FROM ${source} AS s
  ), city AS (
    INSERT INTO metrics_city_revenue_daily AS r (day, country_code, city, currency, space_type, slot, ${MONEY_COLUMNS})
    SELECT d.day, d.country_code, d.city, d.currency, d.space_type, pg_backend_pid(), ${MONEY_SUMS}
      FROM d GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (day, country_code, city, currency, space_type, slot) DO UPDATE SET ${MONEY_ADD}
  ), facility_days AS (
    INSERT INTO metrics_facility_revenue_daily AS r (day, facility_id, currency, operator_id, ${MONEY_COLUMNS})
    SELECT d.day, d.facility_id, d.currency, min(d.operator_id::text)::uuid, ${MONEY_SUMS}
      FROM d GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (day, facility_id, currency) DO UPDATE SET ${MONEY_ADD}
  )
  INSERT INTO metrics_facility_revenue_monthly AS r (month, facility_id, currency, operator_id, ${MONEY_COLUMNS})
  SELECT date_trunc('month', d.day::timestamp)::date, d.facility_id, d.currency, min(d.operator_id::text)::uuid, ${MONEY_SUMS}
    FROM d GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (month, facility_id, currency) DO UPDATE SET ${MONEY_ADD}`;

/**
 * The stay rollups from signed booking contributions `source` (columns of `metrics_stay_delta`):
 * booked space-time per city × space type × local day and per local day × hour (the heatmap),
 * and paid bookings cancelled, on the local day of their cancellation.
 */
const staysUpsert = (source: string) => `
  WITH d AS MATERIALIZED (SELECT * FROM ${source} AS s), slices AS MATERIALIZED (
    SELECT d.country_code, d.city, d.space_type, sl.day, sl.hour, d.sign * sl.us AS us
      FROM d CROSS JOIN LATERAL metrics_local_slices(d.period, d.time_zone) sl
     WHERE d.period IS NOT NULL
  ), city AS (
    INSERT INTO metrics_city_stays_daily AS r (day, country_code, city, space_type, slot, booked_us, cancelled_bookings)
    SELECT u.day, u.country_code, u.city, u.space_type, pg_backend_pid(), sum(u.us), sum(u.cancelled)::int
      FROM (SELECT day, country_code, city, space_type, us, 0 AS cancelled FROM slices
            UNION ALL
            SELECT (d.cancelled_at AT TIME ZONE d.time_zone)::date, d.country_code, d.city, d.space_type, 0, d.sign FROM d WHERE d.cancelled_at IS NOT NULL) u
     GROUP BY 1, 2, 3, 4
    HAVING sum(u.us) <> 0 OR sum(u.cancelled) <> 0
     ORDER BY 1, 2, 3, 4
    ON CONFLICT (day, country_code, city, space_type, slot) DO UPDATE SET booked_us = r.booked_us + EXCLUDED.booked_us,
      cancelled_bookings = r.cancelled_bookings + EXCLUDED.cancelled_bookings
  )
  INSERT INTO metrics_demand_hourly AS r (day, hour, slot, booked_us)
  SELECT day, hour, pg_backend_pid(), sum(us) FROM slices GROUP BY 1, 2 HAVING sum(us) <> 0 ORDER BY 1, 2
  ON CONFLICT (day, hour, slot) DO UPDATE SET booked_us = r.booked_us + EXCLUDED.booked_us`;

/** A booking's booked time (while confirmed or completed) and its cancellation (when paid). */
const STAY_PERIOD = `CASE WHEN b.status IN ('confirmed', 'completed') THEN b.period END`;
const STAY_CANCELLED = `CASE WHEN b.status = 'cancelled' AND b.cancelled_at IS NOT NULL AND EXISTS (
  SELECT 1 FROM payments p WHERE p.booking_id = b.id AND p.extension_id IS NULL AND p.status IN ('succeeded', 'refunded', 'partially_refunded')) THEN b.cancelled_at END`;
const MONEY_TOTALS = MONEY_COLUMNS.split(', ')
  .map((c) => `sum(m.${c})${c === 'paid_bookings' ? '::int' : ''}`)
  .join(', ');

/**
 * The money rollups, the active days and the operators' first payments rebuilt from one pass over
 * the ledger (13 M lines on the large set): its join with bookings is the rebuild's main cost, so
 * it is made once and hashed into a temp table per facility × driver × local day (a few million
 * rows), from which the facility days and then every other rollup are summed. (Each line's rollups
 * through a materialised CTE took 147 s of the 463 s the first rebuild needed, the active days
 * another join of the same size; sorted grouping sets over the join still took 133 s.)
 */
const LEDGER_REBUILD = `
  CREATE TEMP TABLE metrics_rebuild_money ON COMMIT DROP AS
  SELECT x.facility_id, x.operator_id, x.currency, x.space_type, x.driver_id, x.day,
         coalesce(sum(x.amount_cents) FILTER (WHERE x.account = 'gross'), 0) AS gross_cents,
         coalesce(sum(x.amount_cents) FILTER (WHERE x.account = 'platform_fee'), 0) AS fee_cents,
         coalesce(sum(x.amount_cents) FILTER (WHERE x.account = 'refund'), 0) AS refund_cents,
         coalesce(sum(x.amount_cents) FILTER (WHERE x.account = 'refund_platform_fee'), 0) AS refund_fee_cents,
         count(*) FILTER (WHERE x.first_payment)::int AS paid_bookings,
         min(x.occurred_at) FILTER (WHERE x.first_payment) AS first_paid_at
    FROM (SELECT l.facility_id, l.operator_id, l.currency, b.space_type, b.driver_id, (l.occurred_at AT TIME ZONE f.time_zone)::date AS day, l.occurred_at,
                 l.account, l.amount_cents, l.account = 'gross' AND p.id IS NULL AS first_payment
            FROM ledger_entries l JOIN facilities f ON f.id = l.facility_id JOIN bookings b ON b.id = l.booking_id
            LEFT JOIN payments p ON p.id = l.payment_id AND p.extension_id IS NOT NULL
           WHERE l.account IN ('gross', 'platform_fee', 'refund', 'refund_platform_fee')) x
   GROUP BY 1, 2, 3, 4, 5, 6;
  CREATE TEMP TABLE metrics_rebuild_facility_days ON COMMIT DROP AS
  SELECT m.facility_id, m.operator_id, m.currency, m.space_type, m.day, ${MONEY_COLUMNS.split(', ')
    .map((c) => `sum(m.${c}) AS ${c}`)
    .join(', ')}
    FROM metrics_rebuild_money m GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO metrics_city_revenue_daily (day, country_code, city, currency, space_type, ${MONEY_COLUMNS})
  SELECT m.day, f.country_code, f.city, m.currency, m.space_type, ${MONEY_TOTALS}
    FROM metrics_rebuild_facility_days m JOIN facilities f ON f.id = m.facility_id GROUP BY 1, 2, 3, 4, 5;
  -- A million rows checked against facilities and added to a random-order index one by one cost
  -- more than one check of the whole table and one sorted index build: keys go and come back.
  ALTER TABLE metrics_facility_revenue_daily DROP CONSTRAINT metrics_facility_revenue_daily_facility_id_fkey,
    DROP CONSTRAINT metrics_facility_revenue_daily_pkey;
  INSERT INTO metrics_facility_revenue_daily (day, facility_id, currency, operator_id, ${MONEY_COLUMNS})
  SELECT m.day, m.facility_id, m.currency, min(m.operator_id::text)::uuid, ${MONEY_TOTALS} FROM metrics_rebuild_facility_days m GROUP BY 1, 2, 3;
  ALTER TABLE metrics_facility_revenue_daily ADD CONSTRAINT metrics_facility_revenue_daily_pkey PRIMARY KEY (day, facility_id, currency),
    ADD CONSTRAINT metrics_facility_revenue_daily_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities (id) ON DELETE CASCADE;
  INSERT INTO metrics_facility_revenue_monthly (month, facility_id, currency, operator_id, ${MONEY_COLUMNS})
  SELECT date_trunc('month', m.day::timestamp)::date, m.facility_id, m.currency, min(m.operator_id::text)::uuid, ${MONEY_TOTALS}
    FROM metrics_rebuild_facility_days m GROUP BY 1, 2, 3;
  ALTER TABLE metrics_active_days DROP CONSTRAINT metrics_active_days_pkey;
  INSERT INTO metrics_active_days (kind, member_id, day, paid_bookings)
  SELECT 'driver', m.driver_id, m.day, sum(m.paid_bookings) FROM metrics_rebuild_money m WHERE m.paid_bookings > 0 GROUP BY 2, 3
  UNION ALL
  SELECT 'operator', m.operator_id, m.day, sum(m.paid_bookings) FROM metrics_rebuild_facility_days m WHERE m.paid_bookings > 0 GROUP BY 2, 3;
  ALTER TABLE metrics_active_days ADD CONSTRAINT metrics_active_days_pkey PRIMARY KEY (kind, member_id, day)`;
/**
 * The stay rollups rebuilt from every booking without cutting each stay into hours (millions of
 * stays would make tens of millions of slices). On the local clock, the booked time of all stays
 * before an instant t is G(t) = Σ over starts before t of (t − start) − Σ over ends before t of
 * (t − end), and a bucket [H, H′) holds G(H′) − G(H): so starts and ends are only counted and
 * summed per local hour (platform heatmap) and per city × space type × local day, and running
 * sums give every bucket. Stays whose UTC offset changes in between (a DST change) are cut by
 * `metrics_local_slices`, as the triggers cut every stay: both give the same microseconds.
 */
const prefixBuckets = (unit: 'hour' | 'day', keys: string[]) => {
  const step = unit === 'day' ? `interval '1 day'` : `interval '1 hour'`;
  const cols = keys.map((c) => `${c}, `).join('');
  const part = keys.length ? `PARTITION BY ${keys.map((c) => `g.${c}`).join(', ')} ` : '';
  const onKeys = keys.map((c) => `e.${c} = g.${c} AND `).join('');
  return `
    SELECT ${keys.map((c) => `c.${c}, `).join('')}c.b AS bucket, (lead(c.g) OVER (${part.replace(/g\./g, 'c.')}ORDER BY c.b) - c.g)::bigint AS us
      FROM (SELECT ${keys.map((c) => `g.${c}, `).join('')}g.b,
                   (extract(epoch FROM g.b::timestamp) * 1000000) * coalesce(sum(e.n) OVER w, 0) - coalesce(sum(e.s) OVER w, 0) AS g
              FROM (SELECT ${cols}generate_series(min(k)::timestamp, max(k)::timestamp + ${step}, ${step}) AS b FROM ${unit}_events GROUP BY ${keys.length ? keys.join(', ') : '()'}) g
              LEFT JOIN ${unit}_events e ON ${onKeys}e.k = g.b
            WINDOW w AS (${part}ORDER BY g.b ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)) c`;
};
const STAYS_REBUILD = `
  CREATE TEMP TABLE metrics_rebuild_stays ON COMMIT DROP AS
  SELECT f.country_code, f.city, b.space_type, b.period, f.time_zone, lower(b.period) AT TIME ZONE f.time_zone AS ls, upper(b.period) AT TIME ZONE f.time_zone AS le
    FROM bookings b JOIN facilities f ON f.id = b.facility_id WHERE b.status IN ('confirmed', 'completed');
  CREATE TEMP TABLE metrics_rebuild_events ON COMMIT DROP AS
  SELECT b.country_code, b.city, b.space_type, date_trunc('hour', t.t) AS hour, sum(t.sign) AS n, sum(t.sign * (extract(epoch FROM t.t) * 1000000)::bigint) AS s
    FROM metrics_rebuild_stays b CROSS JOIN LATERAL (VALUES (b.ls, 1), (b.le, -1)) AS t(t, sign)
   WHERE b.le - b.ls = upper(b.period) - lower(b.period)
   GROUP BY 1, 2, 3, 4;
  WITH day_events AS (
    SELECT country_code, city, space_type, date_trunc('day', hour) AS k, sum(n) AS n, sum(s) AS s FROM metrics_rebuild_events GROUP BY 1, 2, 3, 4
  ), hour_events AS (
    SELECT hour AS k, sum(n) AS n, sum(s) AS s FROM metrics_rebuild_events GROUP BY 1
  ), slow AS MATERIALIZED (
    SELECT b.country_code, b.city, b.space_type, sl.day, sl.hour, sl.us
      FROM metrics_rebuild_stays b CROSS JOIN LATERAL metrics_local_slices(b.period, b.time_zone) sl WHERE b.le - b.ls <> upper(b.period) - lower(b.period)
  ), days AS (
    INSERT INTO metrics_city_stays_daily (day, country_code, city, space_type, booked_us, cancelled_bookings)
    SELECT x.day, x.country_code, x.city, x.space_type, sum(x.us), 0
      FROM (SELECT bucket::date AS day, country_code, city, space_type, us FROM (${prefixBuckets('day', ['country_code', 'city', 'space_type'])}) d WHERE us <> 0
            UNION ALL
            SELECT day, country_code, city, space_type, us FROM slow) x
     GROUP BY 1, 2, 3, 4 HAVING sum(x.us) <> 0
  )
  INSERT INTO metrics_demand_hourly (day, hour, booked_us)
  SELECT x.day, x.hour, sum(x.us)
    FROM (SELECT bucket::date AS day, extract(hour FROM bucket)::smallint AS hour, us FROM (${prefixBuckets('hour', [])}) h WHERE us <> 0
          UNION ALL
          SELECT day, hour, us FROM slow) x
   GROUP BY 1, 2 HAVING sum(x.us) <> 0;
  INSERT INTO metrics_city_stays_daily AS r (day, country_code, city, space_type, booked_us, cancelled_bookings)
  SELECT (b.cancelled_at AT TIME ZONE f.time_zone)::date, f.country_code, f.city, b.space_type, 0, count(*)
    FROM bookings b JOIN facilities f ON f.id = b.facility_id
   WHERE ${STAY_CANCELLED.replace('CASE WHEN ', '').replace(/ THEN b\.cancelled_at END$/, '')}
   GROUP BY 1, 2, 3, 4
  ON CONFLICT (day, country_code, city, space_type, slot) DO UPDATE SET cancelled_bookings = r.cancelled_bookings + EXCLUDED.cancelled_bookings`;

/** Supply changes `source` (columns of `metrics_supply_delta`) added to the per-city change log. */
const supplyUpsert = (source: string) => `
  INSERT INTO metrics_supply_changes AS r (day, country_code, city, currency, slot, ${SUPPLY_COLUMNS.join(', ')})
  SELECT d.day, d.country_code, d.city, d.currency, pg_backend_pid(), ${SUPPLY_COLUMNS.map((c) => `sum(d.${c})`).join(', ')}
    FROM ${source} AS d
   GROUP BY 1, 2, 3, 4
   ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, country_code, city, currency, slot) DO UPDATE SET ${SUPPLY_COLUMNS.map((c) => `${c} = r.${c} + EXCLUDED.${c}`).join(', ')}`;

/** The supply columns of `spaces` active spaces of one type (null: of every type, counted per type) in a facility open `open` minutes per weekday. */
const supplyValues = (facilities: string, spacesByType: (t: string) => string, totalSpaces: string, open: string) =>
  [facilities, ...SPACE_TYPES.map(spacesByType), ...WEEKDAYS.map((_, i) => `(${totalSpaces})::bigint * (${open})[${i + 1}]`)].join(', ');

/** The rollup tables written per writer slot: keys, then summed values. */
const SLOT_TABLES: [string, string[], string[]][] = [
  ['metrics_city_revenue_daily', ['day', 'country_code', 'city', 'currency', 'space_type'], MONEY_COLUMNS.split(', ')],
  ['metrics_city_stays_daily', ['day', 'country_code', 'city', 'space_type'], ['booked_us', 'cancelled_bookings']],
  ['metrics_demand_hourly', ['day', 'hour'], ['booked_us']],
  ['metrics_active_gaps', ['kind', 'prev_day', 'next_day'], ['members']],
  ['metrics_driver_cohorts', ['cohort_month', 'active_month'], ['drivers']],
  ['metrics_signups_hourly', ['hour', 'role'], ['users']],
  ['metrics_supply_changes', ['day', 'country_code', 'city', 'currency'], SUPPLY_COLUMNS],
];
const foldSlots = (table: string, keys: string[], values: string[]) => `
  WITH moved AS (
    DELETE FROM ${table} WHERE ctid = ANY(ARRAY(SELECT ctid FROM ${table} WHERE slot <> 0 FOR UPDATE SKIP LOCKED)) RETURNING *
  )
  INSERT INTO ${table} AS r (${keys.join(', ')}, slot, ${values.join(', ')})
  SELECT ${keys.join(', ')}, 0, ${values.map((v) => `sum(${v})`).join(', ')} FROM moved GROUP BY ${keys.join(', ')} ORDER BY ${keys.join(', ')}
  ON CONFLICT (${keys.join(', ')}, slot) DO UPDATE SET ${values.map((v) => `${v} = r.${v} + EXCLUDED.${v}`).join(', ')}`;

/**
 * Investor metrics rollups: platform-wide figures read from a few thousand rows, written by
 * statement triggers in the same transaction as the rows they summarise (see docs/decisions.md,
 * "Investor metrics"), and `metrics_recompute_rollups()` rebuilding all of them from the base tables.
 */
export class InvestorMetrics1795502000000 implements MigrationInterface {
  name = 'InvestorMetrics1795502000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE fx_rates (
        currency       char(3) NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
        date           date NOT NULL,
        units_per_eur  numeric(18, 6) NOT NULL CHECK (units_per_eur > 0),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fx_rates_pkey PRIMARY KEY (currency, date)
      )`);
    await q.query(`INSERT INTO fx_rates (currency, date, units_per_eur) VALUES ${ecbRows().join(', ')}`);

    const money = `gross_cents bigint NOT NULL, fee_cents bigint NOT NULL, refund_cents bigint NOT NULL, refund_fee_cents bigint NOT NULL, paid_bookings integer NOT NULL`;
    await q.query(`
      CREATE TABLE metrics_city_revenue_daily (
        day date NOT NULL, country_code char(2) NOT NULL, city text NOT NULL, currency char(3) NOT NULL, space_type space_type NOT NULL, ${money},
        slot integer NOT NULL DEFAULT 0,
        CONSTRAINT metrics_city_revenue_daily_pkey PRIMARY KEY (day, country_code, city, currency, space_type, slot)
      )`);
    await q.query(`
      CREATE TABLE metrics_facility_revenue_daily (
        day date NOT NULL, facility_id uuid NOT NULL, currency char(3) NOT NULL, operator_id uuid NOT NULL, ${money},
        CONSTRAINT metrics_facility_revenue_daily_pkey PRIMARY KEY (day, facility_id, currency),
        CONSTRAINT metrics_facility_revenue_daily_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE metrics_facility_revenue_monthly (
        month date NOT NULL CHECK (month = date_trunc('month', month::timestamp)::date), facility_id uuid NOT NULL, currency char(3) NOT NULL, operator_id uuid NOT NULL, ${money},
        CONSTRAINT metrics_facility_revenue_monthly_pkey PRIMARY KEY (month, facility_id, currency),
        CONSTRAINT metrics_facility_revenue_monthly_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE metrics_city_stays_daily (
        day date NOT NULL, country_code char(2) NOT NULL, city text NOT NULL, space_type space_type NOT NULL,
        booked_us bigint NOT NULL, cancelled_bookings integer NOT NULL,
        slot integer NOT NULL DEFAULT 0,
        CONSTRAINT metrics_city_stays_daily_pkey PRIMARY KEY (day, country_code, city, space_type, slot)
      )`);
    await q.query(`
      CREATE TABLE metrics_demand_hourly (
        day date NOT NULL, hour smallint NOT NULL CHECK (hour BETWEEN 0 AND 23), booked_us bigint NOT NULL,
        slot integer NOT NULL DEFAULT 0,
        CONSTRAINT metrics_demand_hourly_pkey PRIMARY KEY (day, hour, slot)
      )`);
    // Days with a paid booking (first payment) per driver and per operator, and from them the gaps
    // between a member's consecutive such days: a member is inactive over [a, b] exactly when one of
    // its gaps (prev, next) has prev < a and next > b, so distinct active members of any period are
    // the members minus those gaps, summed over at most a few hundred thousand (prev, next) pairs.
    await q.query(`
      CREATE TABLE metrics_active_days (
        kind text NOT NULL CHECK (kind IN ('driver', 'operator')), member_id uuid NOT NULL, day date NOT NULL, paid_bookings integer NOT NULL,
        CONSTRAINT metrics_active_days_pkey PRIMARY KEY (kind, member_id, day)
      )`);
    await q.query(`
      CREATE TABLE metrics_active_gaps (
        kind text NOT NULL CHECK (kind IN ('driver', 'operator')), prev_day date NOT NULL, next_day date NOT NULL, members integer NOT NULL,
        slot integer NOT NULL DEFAULT 0,
        CONSTRAINT metrics_active_gaps_pkey PRIMARY KEY (kind, prev_day, next_day, slot)
      )`);
    await q.query(`CREATE INDEX metrics_active_gaps_next_idx ON metrics_active_gaps (kind, next_day, prev_day, members)`);
    await q.query(`
      CREATE TABLE metrics_driver_cohorts (
        cohort_month date NOT NULL, active_month date NOT NULL, drivers integer NOT NULL,
        slot integer NOT NULL DEFAULT 0,
        CONSTRAINT metrics_driver_cohorts_pkey PRIMARY KEY (cohort_month, active_month, slot)
      )`);
    await q.query(`
      CREATE TABLE metrics_signups_hourly (
        hour timestamptz NOT NULL CHECK (hour = date_trunc('hour', hour, 'UTC')), role user_role NOT NULL, users integer NOT NULL,
        slot integer NOT NULL DEFAULT 0,
        CONSTRAINT metrics_signups_hourly_pkey PRIMARY KEY (hour, role, slot)
      )`);
    // Facilities have a published flag and no date: each listing (publish → unpublish) is kept here
    // by the facilities trigger. Facilities published before this table existed count from creation.
    await q.query(`
      CREATE TABLE metrics_facility_listings (
        facility_id uuid NOT NULL, listed_from timestamptz NOT NULL, listed_until timestamptz,
        CONSTRAINT metrics_facility_listings_pkey PRIMARY KEY (facility_id, listed_from),
        CONSTRAINT metrics_facility_listings_facility_id_fkey FOREIGN KEY (facility_id) REFERENCES facilities (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE metrics_operator_milestones (
        operator_id uuid NOT NULL, first_published_at timestamptz, first_paid_at timestamptz,
        CONSTRAINT metrics_operator_milestones_pkey PRIMARY KEY (operator_id),
        CONSTRAINT metrics_operator_milestones_operator_id_fkey FOREIGN KEY (operator_id) REFERENCES operators (id) ON DELETE CASCADE
      )`);
    // Listed supply as a change log per city and local day: facilities, active spaces per type and
    // open space-minutes per weekday (opening hours × spaces) that became listed (+) or stopped (−).
    await q.query(`
      CREATE TABLE metrics_supply_changes (
        day date NOT NULL, country_code char(2) NOT NULL, city text NOT NULL, currency char(3) NOT NULL,
        ${SUPPLY_COLUMNS.map((c) => `${c} ${c.startsWith('open_') ? 'bigint' : 'integer'} NOT NULL`).join(', ')},
        slot integer NOT NULL DEFAULT 0,
        CONSTRAINT metrics_supply_changes_pkey PRIMARY KEY (day, country_code, city, currency, slot)
      )`);

    // The local (day, hour) pieces of a period in a zone, cut at the zone's hour boundaries (so day
    // edges are exact local midnights), in microseconds. A stay whose UTC offset is the same at both
    // ends is cut on its local clock alone; one across a DST change converts each hour boundary.
    await q.query(`
      CREATE FUNCTION metrics_local_slices(p tstzrange, tz text) RETURNS TABLE (day date, hour smallint, us bigint)
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT s.lh::date, extract(hour FROM s.lh)::smallint, s.us
          FROM (SELECT lower(p) AT TIME ZONE tz AS ls, upper(p) AT TIME ZONE tz AS le) t
         CROSS JOIN LATERAL (
           SELECT lh, (extract(epoch FROM least(t.le, lh + interval '1 hour') - greatest(t.ls, lh)) * 1000000)::bigint AS us
             FROM generate_series(date_trunc('hour', t.ls), t.le, interval '1 hour') AS lh
            WHERE t.le - t.ls = upper(p) - lower(p)
           UNION ALL
           SELECT lh, (extract(epoch FROM
                         CASE WHEN lh + interval '1 hour' > t.le THEN upper(p) ELSE least(upper(p), (lh + interval '1 hour') AT TIME ZONE tz) END
                       - CASE WHEN lh = date_trunc('hour', t.ls) THEN lower(p) ELSE greatest(lower(p), lh AT TIME ZONE tz) END) * 1000000)::bigint
             FROM generate_series(date_trunc('hour', t.ls), t.le, interval '1 hour') AS lh
            WHERE t.le - t.ls <> upper(p) - lower(p)) s
         WHERE NOT isempty(p) AND s.us > 0
      $$`);
    // Open minutes per ISO weekday (Monday first) of an opening-hours document (null: 24/7); an
    // interval ending before it starts crosses midnight and belongs to its first day.
    await q.query(`
      CREATE FUNCTION metrics_open_minutes(h jsonb) RETURNS integer[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN h IS NULL OR jsonb_typeof(h) = 'null' THEN ARRAY[1440, 1440, 1440, 1440, 1440, 1440, 1440]
          ELSE (SELECT array_agg(coalesce(x.m, 0) ORDER BY w.n)
                  FROM unnest(ARRAY['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) WITH ORDINALITY AS w(d, n)
                  LEFT JOIN LATERAL (
                    SELECT sum(CASE WHEN i.t > i.f THEN i.t - i.f WHEN i.t < i.f THEN 1440 - i.f + i.t ELSE 0 END)::int AS m
                      FROM (SELECT split_part(e ->> 0, ':', 1)::int * 60 + split_part(e ->> 0, ':', 2)::int AS f,
                                   split_part(e ->> 1, ':', 1)::int * 60 + split_part(e ->> 1, ':', 2)::int AS t
                              FROM jsonb_array_elements(CASE WHEN jsonb_typeof(h -> w.d) = 'array' THEN h -> w.d ELSE '[]' END) AS e) i) x ON true)
        END
      $$`);
    // No platform-wide lock. Concurrency, and why it cannot deadlock:
    // - Platform rows shared by every facility (a city's day, a day's hour, sign-ups per hour, supply
    //   changes, activity gaps, cohort cells) carry a `slot`: triggers add into the row of their own
    //   backend (pg_backend_pid(); two open transactions never share one), so no writer ever waits for
    //   another's row. Readers sum over slots, so figures stay exact and current; the fold job
    //   (metrics_fold_rollups) moves the other slots into slot 0, skipping rows it cannot lock at once
    //   (SKIP LOCKED): it never waits for a writer, so writers waiting for it cannot close a cycle.
    // - Facility rows (per facility × day and × month) are written under the analytics triggers'
    //   facility locks, which fire first (their names sort before ours) in facility order.
    // - A member's active days, gaps and cohort cells are re-derived together, so first payments lock
    //   their drivers and operators (advisory keys in one sorted order, in one statement) and nothing
    //   else after that in the statement. A payment's transaction writes one booking's gross line in
    //   one statement; refunds, holds, expiries, completions and plate changes add no first payment
    //   and take no metrics lock at all. Only a transaction that adds first payments for several
    //   members in several statements (none does today; a facility moving city re-files its lines)
    //   could order member locks differently, and PostgreSQL's deadlock detection remains the net.
    // - metrics_recompute_rollups and the fold exclude each other with one advisory lock no trigger takes.
    await q.query(`
      CREATE FUNCTION metrics_lock_members(keys bigint[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE k bigint;
      BEGIN
        FOR k IN SELECT DISTINCT x FROM unnest(keys) AS x ORDER BY 1 LOOP
          PERFORM pg_advisory_xact_lock(k);
        END LOOP;
      END
      $$`);

    // Money.
    await q.query(`
      CREATE TYPE metrics_money_delta AS (facility_id uuid, operator_id uuid, country_code char(2), city text, time_zone text, space_type space_type,
        driver_id uuid, currency char(3), occurred_at timestamptz, account ledger_account, amount_cents bigint, first_payment boolean, sign integer)`);
    await q.query(`
      CREATE FUNCTION metrics_money_of(l ledger_entries, sign integer) RETURNS metrics_money_delta LANGUAGE sql STABLE AS $$
        SELECT (l.facility_id, l.operator_id, f.country_code, f.city, f.time_zone, b.space_type, b.driver_id, l.currency, l.occurred_at, l.account,
                l.amount_cents, l.account = 'gross' AND p.extension_id IS NULL, sign)::metrics_money_delta
          FROM facilities f JOIN bookings b ON b.id = l.booking_id LEFT JOIN payments p ON p.id = l.payment_id
         WHERE f.id = l.facility_id
      $$`);
    // A member's gaps (and a driver's cohort cells) from its active days, added (sign 1) or taken away (−1).
    await q.query(`
      CREATE FUNCTION metrics_member_rollups(k text, ids uuid[], sign integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF cardinality(ids) = 0 THEN RETURN; END IF;
        INSERT INTO metrics_active_gaps AS r (kind, prev_day, next_day, slot, members)
        SELECT k, g.prev_day, g.next_day, pg_backend_pid(), sign * count(*)
          FROM (SELECT coalesce(lag(a.day) OVER (PARTITION BY a.member_id ORDER BY a.day), '-infinity') AS prev_day, a.day AS next_day
                  FROM metrics_active_days a WHERE a.kind = k AND a.member_id = ANY(ids)
                UNION ALL
                SELECT max(a.day), 'infinity' FROM metrics_active_days a WHERE a.kind = k AND a.member_id = ANY(ids) GROUP BY a.member_id) g
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (kind, prev_day, next_day, slot) DO UPDATE SET members = r.members + EXCLUDED.members;
        IF k = 'driver' THEN
          INSERT INTO metrics_driver_cohorts AS r (cohort_month, active_month, slot, drivers)
          SELECT c.first_month, c.month, pg_backend_pid(), sign * count(*)
            FROM (SELECT DISTINCT a.member_id, date_trunc('month', a.day::timestamp)::date AS month,
                         min(date_trunc('month', a.day::timestamp)::date) OVER (PARTITION BY a.member_id) AS first_month
                    FROM metrics_active_days a WHERE a.kind = 'driver' AND a.member_id = ANY(ids)) c
           GROUP BY 1, 2 ORDER BY 1, 2
          ON CONFLICT (cohort_month, active_month, slot) DO UPDATE SET drivers = r.drivers + EXCLUDED.drivers;
        END IF;
      END
      $$`);
    await q.query(`
      CREATE FUNCTION metrics_apply_money(deltas metrics_money_delta[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE drivers uuid[]; operators uuid[];
      BEGIN
        deltas := ARRAY(SELECT d FROM unnest(deltas) AS d WHERE d.account IN ('gross', 'platform_fee', 'refund', 'refund_platform_fee') AND d.sign <> 0);
        IF cardinality(deltas) = 0 THEN RETURN; END IF;
        ${moneyUpsert('unnest(deltas)')};
        drivers := ARRAY(SELECT DISTINCT d.driver_id FROM unnest(deltas) AS d WHERE d.first_payment ORDER BY 1);
        operators := ARRAY(SELECT DISTINCT d.operator_id FROM unnest(deltas) AS d WHERE d.first_payment ORDER BY 1);
        IF cardinality(drivers) = 0 THEN RETURN; END IF;
        -- 64-bit keys in the metrics' own range of the advisory key space (hash collisions only serialise more).
        PERFORM metrics_lock_members(ARRAY(
          SELECT (1795502000::bigint << 32) | (hashtext('driver:' || x::text)::bigint & 4294967295) FROM unnest(drivers) AS x
          UNION ALL
          SELECT (1795502001::bigint << 32) | (hashtext('operator:' || x::text)::bigint & 4294967295) FROM unnest(operators) AS x));
        PERFORM metrics_member_rollups('driver', drivers, -1);
        PERFORM metrics_member_rollups('operator', operators, -1);
        INSERT INTO metrics_active_days AS r (kind, member_id, day, paid_bookings)
        SELECT x.kind, x.member_id, x.day, sum(x.sign)
          FROM (SELECT 'driver' AS kind, d.driver_id AS member_id, (d.occurred_at AT TIME ZONE d.time_zone)::date AS day, d.sign FROM unnest(deltas) AS d WHERE d.first_payment
                UNION ALL
                SELECT 'operator', d.operator_id, (d.occurred_at AT TIME ZONE d.time_zone)::date, d.sign FROM unnest(deltas) AS d WHERE d.first_payment) x
         GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (kind, member_id, day) DO UPDATE SET paid_bookings = r.paid_bookings + EXCLUDED.paid_bookings;
        DELETE FROM metrics_active_days a
         WHERE a.paid_bookings = 0 AND ((a.kind = 'driver' AND a.member_id = ANY(drivers)) OR (a.kind = 'operator' AND a.member_id = ANY(operators)));
        PERFORM metrics_member_rollups('driver', drivers, 1);
        PERFORM metrics_member_rollups('operator', operators, 1);
        INSERT INTO metrics_operator_milestones AS r (operator_id, first_paid_at)
        SELECT d.operator_id, min(d.occurred_at) FROM unnest(deltas) AS d WHERE d.first_payment AND d.sign > 0 GROUP BY 1 ORDER BY 1
        ON CONFLICT (operator_id) DO UPDATE SET first_paid_at = least(r.first_paid_at, EXCLUDED.first_paid_at);
      END
      $$`);
    await q.query(`
      CREATE FUNCTION metrics_money_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE deltas metrics_money_delta[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          deltas := ARRAY(SELECT metrics_money_of(n, 1) FROM metrics_new n);
        ELSIF TG_OP = 'DELETE' THEN
          deltas := ARRAY(SELECT metrics_money_of(o, -1) FROM metrics_old o);
        ELSE
          deltas := ARRAY(SELECT metrics_money_of(o, -1) FROM metrics_old o) || ARRAY(SELECT metrics_money_of(n, 1) FROM metrics_new n);
        END IF;
        PERFORM metrics_apply_money(deltas);
        RETURN NULL;
      END
      $$`);
    await q.query(
      `CREATE TRIGGER metrics_money_insert AFTER INSERT ON ledger_entries REFERENCING NEW TABLE AS metrics_new FOR EACH STATEMENT EXECUTE FUNCTION metrics_money_apply()`,
    );
    await q.query(
      `CREATE TRIGGER metrics_money_update AFTER UPDATE ON ledger_entries REFERENCING OLD TABLE AS metrics_old NEW TABLE AS metrics_new FOR EACH STATEMENT EXECUTE FUNCTION metrics_money_apply()`,
    );
    await q.query(
      `CREATE TRIGGER metrics_money_delete AFTER DELETE ON ledger_entries REFERENCING OLD TABLE AS metrics_old FOR EACH STATEMENT EXECUTE FUNCTION metrics_money_apply()`,
    );

    // Stays: booked time of confirmed and completed bookings, and paid bookings cancelled.
    await q.query(
      `CREATE TYPE metrics_stay_delta AS (country_code char(2), city text, time_zone text, space_type space_type, period tstzrange, cancelled_at timestamptz, sign integer)`,
    );
    await q.query(`
      CREATE FUNCTION metrics_stay_of(b bookings, sign integer) RETURNS metrics_stay_delta LANGUAGE sql STABLE AS $$
        SELECT (f.country_code, f.city, f.time_zone, b.space_type,
${STAY_PERIOD}, ${STAY_CANCELLED}, sign)::metrics_stay_delta
          FROM facilities f WHERE f.id = b.facility_id
      $$`);
    await q.query(`
      CREATE FUNCTION metrics_apply_stays(deltas metrics_stay_delta[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        deltas := ARRAY(SELECT d FROM unnest(deltas) AS d WHERE d.period IS NOT NULL OR d.cancelled_at IS NOT NULL);
        IF cardinality(deltas) = 0 THEN RETURN; END IF;
        ${staysUpsert('unnest(deltas)')};
      END
      $$`);
    await q.query(`
      CREATE FUNCTION metrics_stays_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE deltas metrics_stay_delta[];
      BEGIN
        IF TG_OP = 'INSERT' THEN
          deltas := ARRAY(SELECT metrics_stay_of(n, 1) FROM metrics_new n WHERE n.status IN ('confirmed', 'completed', 'cancelled'));
        ELSIF TG_OP = 'DELETE' THEN
          deltas := ARRAY(SELECT metrics_stay_of(o, -1) FROM metrics_old o WHERE o.status IN ('confirmed', 'completed', 'cancelled'));
        ELSE
          -- Only rows whose contribution may have changed: a completion or a new plate leaves it alone.
          deltas := ARRAY(SELECT x FROM metrics_old o JOIN metrics_new n ON n.id = o.id
                           CROSS JOIN LATERAL (VALUES (metrics_stay_of(o, -1)), (metrics_stay_of(n, 1))) AS v(x)
                          WHERE (o.status IN ('confirmed', 'completed')) <> (n.status IN ('confirmed', 'completed'))
                             OR (o.status = 'cancelled') <> (n.status = 'cancelled')
                             OR o.period <> n.period OR o.facility_id <> n.facility_id OR o.space_type <> n.space_type
                             OR o.cancelled_at IS DISTINCT FROM n.cancelled_at);
        END IF;
        PERFORM metrics_apply_stays(deltas);
        RETURN NULL;
      END
      $$`);
    await q.query(
      `CREATE TRIGGER metrics_stays_insert AFTER INSERT ON bookings REFERENCING NEW TABLE AS metrics_new FOR EACH STATEMENT EXECUTE FUNCTION metrics_stays_apply()`,
    );
    await q.query(
      `CREATE TRIGGER metrics_stays_update AFTER UPDATE ON bookings REFERENCING OLD TABLE AS metrics_old NEW TABLE AS metrics_new FOR EACH STATEMENT EXECUTE FUNCTION metrics_stays_apply()`,
    );
    await q.query(
      `CREATE TRIGGER metrics_stays_delete AFTER DELETE ON bookings REFERENCING OLD TABLE AS metrics_old FOR EACH STATEMENT EXECUTE FUNCTION metrics_stays_apply()`,
    );

    // Sign-ups per role and UTC hour (the reporting zone's days are read from the hours).
    await q.query(`
      CREATE FUNCTION metrics_signups_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO metrics_signups_hourly AS r (hour, role, slot, users)
        SELECT date_trunc('hour', n.created_at, 'UTC'), n.role, pg_backend_pid(), count(*)::int FROM metrics_new n GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (hour, role, slot) DO UPDATE SET users = r.users + EXCLUDED.users;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE FUNCTION metrics_signups_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO metrics_signups_hourly AS r (hour, role, slot, users)
        SELECT date_trunc('hour', o.created_at, 'UTC'), o.role, pg_backend_pid(), -count(*)::int FROM metrics_old o GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (hour, role, slot) DO UPDATE SET users = r.users + EXCLUDED.users;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE FUNCTION metrics_signups_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO metrics_signups_hourly AS r (hour, role, slot, users)
        SELECT x.hour, x.role, pg_backend_pid(), sum(x.sign)::int
          FROM (SELECT date_trunc('hour', n.created_at, 'UTC') AS hour, n.role, 1 AS sign FROM metrics_old o JOIN metrics_new n ON n.id = o.id
                 WHERE (o.role, o.created_at) IS DISTINCT FROM (n.role, n.created_at)
                UNION ALL
                SELECT date_trunc('hour', o.created_at, 'UTC'), o.role, -1 FROM metrics_old o JOIN metrics_new n ON n.id = o.id
                 WHERE (o.role, o.created_at) IS DISTINCT FROM (n.role, n.created_at)) x
         GROUP BY 1, 2 HAVING sum(x.sign) <> 0 ORDER BY 1, 2
        ON CONFLICT (hour, role, slot) DO UPDATE SET users = r.users + EXCLUDED.users;
        RETURN NULL;
      END
      $$`);
    await q.query(
      `CREATE TRIGGER metrics_signups_insert AFTER INSERT ON users REFERENCING NEW TABLE AS metrics_new FOR EACH STATEMENT EXECUTE FUNCTION metrics_signups_insert()`,
    );
    await q.query(
      `CREATE TRIGGER metrics_signups_update AFTER UPDATE ON users REFERENCING OLD TABLE AS metrics_old NEW TABLE AS metrics_new FOR EACH STATEMENT EXECUTE FUNCTION metrics_signups_update()`,
    );
    await q.query(
      `CREATE TRIGGER metrics_signups_delete AFTER DELETE ON users REFERENCING OLD TABLE AS metrics_old FOR EACH STATEMENT EXECUTE FUNCTION metrics_signups_delete()`,
    );

    // Supply: a listed facility contributes itself, its active spaces and their open minutes,
    // on its local day of the change.
    await q.query(
      `CREATE TYPE metrics_supply_delta AS (day date, country_code char(2), city text, currency char(3), ${SUPPLY_COLUMNS.map((c) => `${c} bigint`).join(', ')})`,
    );
    await q.query(`
      CREATE FUNCTION metrics_facility_supply(f facilities, sign integer) RETURNS metrics_supply_delta LANGUAGE sql STABLE AS $$
        SELECT ((now() AT TIME ZONE f.time_zone)::date, f.country_code, f.city, f.currency,
                ${supplyValues('sign', (t) => `sign * count(*) FILTER (WHERE s.space_type = '${t}')`, 'sign * count(s.id)', 'metrics_open_minutes(f.opening_hours)')})::metrics_supply_delta
          FROM (SELECT 1) one LEFT JOIN spaces s ON s.facility_id = f.id AND s.active
        HAVING f.published AND NOT f.is_canary
      $$`);
    await q.query(`
      CREATE FUNCTION metrics_space_supply(s spaces, sign integer) RETURNS metrics_supply_delta LANGUAGE sql STABLE AS $$
        SELECT ((now() AT TIME ZONE f.time_zone)::date, f.country_code, f.city, f.currency,
                ${supplyValues('0', (t) => `CASE WHEN s.space_type = '${t}' THEN sign ELSE 0 END`, 'sign', 'metrics_open_minutes(f.opening_hours)')})::metrics_supply_delta
          FROM facilities f WHERE f.id = s.facility_id AND f.published AND NOT f.is_canary AND s.active
      $$`);
    await q.query(`
      CREATE FUNCTION metrics_supply_apply(deltas metrics_supply_delta[]) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        deltas := ARRAY(SELECT d FROM unnest(deltas) AS d WHERE d IS NOT NULL AND d.day IS NOT NULL);
        IF cardinality(deltas) = 0 THEN RETURN; END IF;
        ${supplyUpsert('unnest(deltas)')};
      END
      $$`);
    await q.query(`
      CREATE FUNCTION metrics_facilities_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO metrics_facility_listings (facility_id, listed_from) SELECT n.id, now() FROM metrics_new n WHERE n.published;
          INSERT INTO metrics_operator_milestones AS r (operator_id, first_published_at)
          SELECT n.operator_id, now() FROM metrics_new n WHERE n.published GROUP BY 1 ORDER BY 1
          ON CONFLICT (operator_id) DO UPDATE SET first_published_at = coalesce(r.first_published_at, EXCLUDED.first_published_at);
          PERFORM metrics_supply_apply(ARRAY(SELECT metrics_facility_supply(n, 1) FROM metrics_new n WHERE n.published));
        ELSIF TG_OP = 'UPDATE' THEN
          UPDATE metrics_facility_listings l SET listed_until = now()
            FROM metrics_old o JOIN metrics_new n ON n.id = o.id
           WHERE l.facility_id = n.id AND l.listed_until IS NULL AND o.published AND NOT n.published;
          INSERT INTO metrics_facility_listings (facility_id, listed_from)
          SELECT n.id, now() FROM metrics_old o JOIN metrics_new n ON n.id = o.id WHERE n.published AND NOT o.published
          ON CONFLICT DO NOTHING;
          INSERT INTO metrics_operator_milestones AS r (operator_id, first_published_at)
          SELECT n.operator_id, now() FROM metrics_old o JOIN metrics_new n ON n.id = o.id WHERE n.published AND NOT o.published GROUP BY 1 ORDER BY 1
          ON CONFLICT (operator_id) DO UPDATE SET first_published_at = coalesce(r.first_published_at, EXCLUDED.first_published_at);
          PERFORM metrics_supply_apply(ARRAY(
            SELECT x FROM metrics_old o JOIN metrics_new n ON n.id = o.id
             CROSS JOIN LATERAL (VALUES (metrics_facility_supply(o, -1)), (metrics_facility_supply(n, 1))) AS v(x)
             WHERE (o.published, o.city, o.country_code, o.currency, o.time_zone, o.opening_hours)
                   IS DISTINCT FROM (n.published, n.city, n.country_code, n.currency, n.time_zone, n.opening_hours)));
          -- A facility filed under another city or zone: its money and stays move with it.
          PERFORM metrics_apply_money(ARRAY(
            SELECT (n.id, l.operator_id, x.country_code, x.city, x.time_zone, b.space_type, b.driver_id, l.currency, l.occurred_at, l.account, l.amount_cents,
                    l.account = 'gross' AND p.extension_id IS NULL, x.sign)::metrics_money_delta
              FROM metrics_old o JOIN metrics_new n ON n.id = o.id
             CROSS JOIN LATERAL (VALUES (o.country_code, o.city, o.time_zone, -1), (n.country_code, n.city, n.time_zone, 1)) AS x(country_code, city, time_zone, sign)
              JOIN ledger_entries l ON l.facility_id = n.id JOIN bookings b ON b.id = l.booking_id LEFT JOIN payments p ON p.id = l.payment_id
             WHERE (o.city, o.country_code, o.time_zone) IS DISTINCT FROM (n.city, n.country_code, n.time_zone)));
          PERFORM metrics_apply_stays(ARRAY(
            SELECT (x.country_code, x.city, x.time_zone, b.space_type, ${STAY_PERIOD}, ${STAY_CANCELLED}, x.sign)::metrics_stay_delta
              FROM metrics_old o JOIN metrics_new n ON n.id = o.id
             CROSS JOIN LATERAL (VALUES (o.country_code, o.city, o.time_zone, -1), (n.country_code, n.city, n.time_zone, 1)) AS x(country_code, city, time_zone, sign)
              JOIN bookings b ON b.facility_id = n.id
             WHERE (o.city, o.country_code, o.time_zone) IS DISTINCT FROM (n.city, n.country_code, n.time_zone)));
        ELSE
          UPDATE metrics_facility_listings l SET listed_until = now() FROM metrics_old o WHERE l.facility_id = o.id AND l.listed_until IS NULL;
          PERFORM metrics_supply_apply(ARRAY(SELECT metrics_facility_supply(o, -1) FROM metrics_old o WHERE o.published));
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE FUNCTION metrics_spaces_apply() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM metrics_supply_apply(ARRAY(SELECT metrics_space_supply(n, 1) FROM metrics_new n));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM metrics_supply_apply(ARRAY(SELECT metrics_space_supply(o, -1) FROM metrics_old o));
        ELSE
          PERFORM metrics_supply_apply(ARRAY(
            SELECT x FROM metrics_old o JOIN metrics_new n ON n.id = o.id
             CROSS JOIN LATERAL (VALUES (metrics_space_supply(o, -1)), (metrics_space_supply(n, 1))) AS v(x)
             WHERE (o.active, o.space_type, o.facility_id) IS DISTINCT FROM (n.active, n.space_type, n.facility_id)));
        END IF;
        RETURN NULL;
      END
      $$`);
    for (const [op, refs] of [
      ['INSERT', 'NEW TABLE AS metrics_new'],
      ['UPDATE', 'OLD TABLE AS metrics_old NEW TABLE AS metrics_new'],
      ['DELETE', 'OLD TABLE AS metrics_old'],
    ] as const) {
      await q.query(
        `CREATE TRIGGER metrics_facilities_${op.toLowerCase()} AFTER ${op} ON facilities REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION metrics_facilities_apply()`,
      );
      await q.query(
        `CREATE TRIGGER metrics_spaces_${op.toLowerCase()} AFTER ${op} ON spaces REFERENCING ${refs} FOR EACH STATEMENT EXECUTE FUNCTION metrics_spaces_apply()`,
      );
    }

    // Rebuilds every metrics rollup from the base tables (the backfill below, and the seed after a
    // bulk load with the triggers off). Listings are facts, not a rollup: they are only completed
    // (a published facility without an open listing is listed from its creation). Supply is then
    // rebuilt from the listings and today's spaces and opening hours.
    await q.query(`
      CREATE FUNCTION metrics_recompute_rollups() RETURNS void LANGUAGE plpgsql SET work_mem = '768MB' SET maintenance_work_mem = '512MB' SET enable_sort = off AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(1795502000);
        DROP TABLE IF EXISTS metrics_rebuild_money, metrics_rebuild_facility_days, metrics_rebuild_stays, metrics_rebuild_events;
        TRUNCATE metrics_city_revenue_daily, metrics_facility_revenue_daily, metrics_facility_revenue_monthly, metrics_city_stays_daily, metrics_demand_hourly,
                 metrics_active_days, metrics_active_gaps, metrics_driver_cohorts, metrics_signups_hourly, metrics_supply_changes;
        ${LEDGER_REBUILD};
        ${STAYS_REBUILD};

        INSERT INTO metrics_active_gaps (kind, prev_day, next_day, members)
        SELECT g.kind, g.prev_day, g.next_day, count(*)
          FROM (SELECT a.kind, coalesce(lag(a.day) OVER (PARTITION BY a.kind, a.member_id ORDER BY a.day), '-infinity') AS prev_day, a.day AS next_day FROM metrics_active_days a
                UNION ALL
                SELECT a.kind, max(a.day), 'infinity' FROM metrics_active_days a GROUP BY a.kind, a.member_id) g
         GROUP BY 1, 2, 3;
        INSERT INTO metrics_driver_cohorts (cohort_month, active_month, drivers)
        SELECT c.first_month, c.month, count(*)
          FROM (SELECT m.member_id, m.month, min(m.month) OVER (PARTITION BY m.member_id) AS first_month
                  FROM (SELECT DISTINCT a.member_id, date_trunc('month', a.day::timestamp)::date AS month FROM metrics_active_days a WHERE a.kind = 'driver') m) c
         GROUP BY 1, 2;

        INSERT INTO metrics_signups_hourly (hour, role, users) SELECT date_trunc('hour', u.created_at, 'UTC'), u.role, count(*) FROM users u GROUP BY 1, 2;

        INSERT INTO metrics_facility_listings (facility_id, listed_from)
        SELECT f.id, f.created_at FROM facilities f
         WHERE f.published AND NOT EXISTS (SELECT 1 FROM metrics_facility_listings l WHERE l.facility_id = f.id AND l.listed_until IS NULL)
        ON CONFLICT DO NOTHING;
        UPDATE metrics_facility_listings l SET listed_until = greatest(f.updated_at, l.listed_from)
          FROM facilities f WHERE f.id = l.facility_id AND NOT f.published AND l.listed_until IS NULL;
        INSERT INTO metrics_supply_changes (day, country_code, city, currency, ${SUPPLY_COLUMNS.join(', ')})
        SELECT (e.at AT TIME ZONE f.time_zone)::date, f.country_code, f.city, f.currency,
               coalesce(sum(e.sign) FILTER (WHERE e.space_type IS NULL), 0),
               ${SPACE_TYPES.map((t) => `coalesce(sum(e.sign) FILTER (WHERE e.space_type = '${t}'), 0)`).join(', ')},
               ${WEEKDAYS.map((_, i) => `coalesce(sum(e.sign::bigint * x.open[${i + 1}]) FILTER (WHERE e.space_type IS NOT NULL), 0)`).join(', ')}
          FROM (SELECT l.facility_id, l.listed_from AS at, 1 AS sign, NULL::space_type AS space_type FROM metrics_facility_listings l
                UNION ALL
                SELECT l.facility_id, l.listed_until, -1, NULL FROM metrics_facility_listings l WHERE l.listed_until IS NOT NULL
                UNION ALL
                SELECT l.facility_id, s.at, 1, s.space_type FROM metrics_facility_listings l
                 CROSS JOIN LATERAL (SELECT greatest(l.listed_from, sp.created_at) AS at, sp.space_type FROM spaces sp WHERE sp.facility_id = l.facility_id AND sp.active) s
                 WHERE l.listed_until IS NULL OR s.at < l.listed_until
                UNION ALL
                SELECT l.facility_id, l.listed_until, -1, s.space_type FROM metrics_facility_listings l
                 CROSS JOIN LATERAL (SELECT greatest(l.listed_from, sp.created_at) AS at, sp.space_type FROM spaces sp WHERE sp.facility_id = l.facility_id AND sp.active) s
                 WHERE l.listed_until IS NOT NULL AND s.at < l.listed_until) e
          JOIN facilities f ON f.id = e.facility_id AND NOT f.is_canary
          -- OFFSET 0: once per facility, not once per use in each aggregate below.
          JOIN (SELECT id, metrics_open_minutes(opening_hours) AS open FROM facilities OFFSET 0) x ON x.id = f.id
         GROUP BY 1, 2, 3, 4;

        UPDATE metrics_operator_milestones SET first_published_at = NULL, first_paid_at = NULL;
        INSERT INTO metrics_operator_milestones AS r (operator_id, first_published_at, first_paid_at)
        SELECT o.id, lp.at, fp.at
          FROM operators o
          LEFT JOIN (SELECT f.operator_id, min(l.listed_from) AS at FROM metrics_facility_listings l JOIN facilities f ON f.id = l.facility_id GROUP BY 1) lp ON lp.operator_id = o.id
          LEFT JOIN (SELECT m.operator_id, min(m.first_paid_at) AS at FROM metrics_rebuild_money m GROUP BY 1) fp ON fp.operator_id = o.id
        ON CONFLICT (operator_id) DO UPDATE SET first_published_at = EXCLUDED.first_published_at, first_paid_at = EXCLUDED.first_paid_at;
      END
      $$`);
    // Folds the writers' slots into slot 0 (see "No platform-wide lock" above): rows locked by an open
    // transaction are skipped and left for the next fold, so the fold never waits for a writer.
    await q.query(`
      CREATE FUNCTION metrics_fold_rollups() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT pg_try_advisory_xact_lock(1795502000) THEN RETURN; END IF;
        ${SLOT_TABLES.map(([table, keys, values]) => foldSlots(table, keys, values)).join(';\n')};
      END
      $$`);
    await q.query(`SELECT metrics_recompute_rollups()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const op of ['insert', 'update', 'delete']) {
      await q.query(`DROP TRIGGER metrics_money_${op} ON ledger_entries`);
      await q.query(`DROP TRIGGER metrics_stays_${op} ON bookings`);
      await q.query(`DROP TRIGGER metrics_signups_${op} ON users`);
      await q.query(`DROP TRIGGER metrics_facilities_${op} ON facilities`);
      await q.query(`DROP TRIGGER metrics_spaces_${op} ON spaces`);
    }
    for (const fn of [
      'metrics_recompute_rollups()',
      'metrics_spaces_apply()',
      'metrics_facilities_apply()',
      'metrics_supply_apply(metrics_supply_delta[])',
      'metrics_space_supply(spaces, integer)',
      'metrics_facility_supply(facilities, integer)',
      'metrics_signups_insert()',
      'metrics_signups_update()',
      'metrics_signups_delete()',
      'metrics_stays_apply()',
      'metrics_apply_stays(metrics_stay_delta[])',
      'metrics_stay_of(bookings, integer)',
      'metrics_money_apply()',
      'metrics_apply_money(metrics_money_delta[])',
      'metrics_member_rollups(text, uuid[], integer)',
      'metrics_money_of(ledger_entries, integer)',
      'metrics_fold_rollups()',
      'metrics_lock_members(bigint[])',
      'metrics_open_minutes(jsonb)',
      'metrics_local_slices(tstzrange, text)',
    ]) {
      await q.query(`DROP FUNCTION ${fn}`);
    }
    for (const type of ['metrics_supply_delta', 'metrics_stay_delta', 'metrics_money_delta']) await q.query(`DROP TYPE ${type}`);
    for (const table of [
      'metrics_supply_changes',
      'metrics_operator_milestones',
      'metrics_facility_listings',
      'metrics_signups_hourly',
      'metrics_driver_cohorts',
      'metrics_active_gaps',
      'metrics_active_days',
      'metrics_demand_hourly',
      'metrics_city_stays_daily',
      'metrics_facility_revenue_monthly',
      'metrics_facility_revenue_daily',
      'metrics_city_revenue_daily',
      'fx_rates',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
