import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import type { DataSource } from 'typeorm';
import { hashPassword } from '../access/index.js';
import { DEMO_PASSWORD } from './demo-accounts.js';
import { allBookings, planDataSet, type DataSetPlan } from './data-set.js';
import { withConstraintsSetAside } from './constraints-set-aside.js';
import { copyInto, CopySpool, copySpoolInto, isoInstantWriter, type CopyValue } from './copy-rows.js';
import { spacesOf, SPACE_TYPES } from './marketplace.js';
import type { SeedUser } from './people.js';
import { bookingCodes } from './prng.js';
import {
  OCCUPANCY_DAILY_COLUMNS,
  OCCUPANCY_WEEKDAYS_COLUMNS,
  REVENUE_DAILY_COLUMNS,
  REVENUE_HOURS_COLUMNS,
  RollupAccumulator,
  type RollupSpools,
} from './rollup-rows.js';
import { SCALES, type ScaleName, type SeedScale } from './scales.js';

export interface SeedOptions {
  scale: ScaleName;
  seed: number;
  /** Truncate the data tables first; without it a database that has users is left alone. */
  reset: boolean;
  /** The data set's "now" (UTC midnight): past bookings end before it, upcoming ones start after. */
  anchor: Date;
}

export interface SeedReport {
  counts: Record<string, number>;
  elapsedMs: number;
}

export class DatabaseNotEmptyError extends Error {
  constructor(readonly users: number) {
    super(`The database already has ${users} users: nothing was changed. Run again with --reset to delete all data and seed from scratch.`);
    this.name = 'DatabaseNotEmptyError';
  }
}

/** Tables the seed fills, in load order (parents before children). */
export const SEEDED_TABLES = ['users', 'operators', 'facilities', 'spaces', 'rates', 'bookings', 'payments', 'ledger_entries'] as const;
/** The analytics rollups, computed by the seed along with the bookings (see rollup-rows.ts). */
const ROLLUP_TABLES = ['analytics_revenue_daily', 'analytics_revenue_hours', 'analytics_occupancy_daily', 'analytics_occupancy_weekdays'] as const;
/** What --reset empties: every data table of the foundation, so no orphan of an old run survives. */
const RESET_TABLES = [
  ...ROLLUP_TABLES,
  'idempotency_keys',
  'outbox',
  'ledger_entries',
  'payments',
  'bookings',
  'rates',
  'spaces',
  'facilities',
  'operators',
  'api_keys',
  'refresh_tokens',
  'users',
];

interface SeedPlan extends DataSetPlan {
  demoHashes: Map<string, string>;
  sharedHash: string;
}

/**
 * Fills an empty database with the demo (`small`) or benchmark (`large`) data set. Each table
 * is streamed with one COPY in its own transaction (synchronous_commit off: a crash mid-seed
 * just means seeding again); its indexes and constraints are re-created, and so re-checked
 * against every row, before that transaction commits (see constraints-set-aside.ts), and
 * ANALYZE runs at the end.
 */
export async function runSeed(dataSource: DataSource, options: SeedOptions, say: (message: string) => void): Promise<SeedReport> {
  const started = Date.now();
  const runner = dataSource.createQueryRunner();
  const client = (await runner.connect()) as pg.PoolClient;
  try {
    const { rows } = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM users');
    const users = rows[0]!.count;
    if (users > 0 && !options.reset) throw new DatabaseNotEmptyError(users);
    if (options.reset) {
      say(`Deleting all data (--reset): ${RESET_TABLES.join(', ')}…`);
      await client.query(`TRUNCATE ${RESET_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    }

    const scale = SCALES[options.scale];
    say(`Seeding the ${scale.name} data set (seed ${options.seed}, anchor ${options.anchor.toISOString().slice(0, 10)})…`);
    const plan = await makePlan(options, scale);
    const spaceCount = plan.facilities.reduce((sum, f) => sum + SPACE_TYPES.reduce((n, t) => n + f.spaceCounts[t], 0), 0);
    const expectedBookings = scale.bookings;

    await load(
      client,
      say,
      'users',
      (p) => copyInto(client, 'users', USER_COLUMNS, userRows(plan), p),
      plan.people.drivers.length + plan.operators.length + plan.people.investors.length + plan.people.admins.length,
    );
    await load(client, say, 'operators', (p) => copyInto(client, 'operators', OPERATOR_COLUMNS, operatorRows(plan), p), plan.operators.length);
    await load(client, say, 'facilities', (p) => copyInto(client, 'facilities', FACILITY_COLUMNS, facilityRows(plan), p), plan.facilities.length);
    await load(client, say, 'spaces', (p) => copyInto(client, 'spaces', SPACE_COLUMNS, spaceRows(plan), p), spaceCount);
    await load(client, say, 'rates', (p) => copyInto(client, 'rates', RATE_COLUMNS, rateRows(plan), p), undefined);
    // Bookings are generated once: their payments, ledger lines and analytics rollup rows go to
    // spool files on the way and are copied from there, so five million bookings are never held
    // in memory and the rollups need no recomputation in SQL.
    const spoolDir = mkdtempSync(join(tmpdir(), 'aiparksit-seed-'));
    try {
      const payments = new CopySpool(join(spoolDir, 'payments.copy'));
      const ledger = new CopySpool(join(spoolDir, 'ledger_entries.copy'));
      const rollups = {
        revenueDaily: new CopySpool(join(spoolDir, 'analytics_revenue_daily.copy')),
        revenueHours: new CopySpool(join(spoolDir, 'analytics_revenue_hours.copy')),
        occupancyDaily: new CopySpool(join(spoolDir, 'analytics_occupancy_daily.copy')),
        occupancyWeekdays: new CopySpool(join(spoolDir, 'analytics_occupancy_weekdays.copy')),
      };
      await load(
        client,
        say,
        'bookings',
        (p) => copyInto(client, 'bookings', BOOKING_COLUMNS, bookingRows(plan, payments, ledger, rollups), p),
        expectedBookings,
      );
      for (const spool of [payments, ledger, ...Object.values(rollups)]) spool.close();
      const fromSpool = (into: pg.PoolClient, table: string, columns: readonly string[], spool: CopySpool) =>
        load(into, say, table, (p) => copySpoolInto(into, table, columns, spool, (share) => p(Math.round(share * spool.rows))), spool.rows);
      // The rollups hang on facilities alone, so a second connection loads them
      // while this one loads the payments: each side keeps one core busy. The ledger waits for
      // both — it needs the payments, and its foreign key to facilities would queue behind the
      // rollups' locks anyway.
      const rollupsLoaded = withSecondConnection(dataSource, async (other) => {
        await fromSpool(other, 'analytics_revenue_daily', REVENUE_DAILY_COLUMNS, rollups.revenueDaily);
        await fromSpool(other, 'analytics_revenue_hours', REVENUE_HOURS_COLUMNS, rollups.revenueHours);
        await fromSpool(other, 'analytics_occupancy_daily', OCCUPANCY_DAILY_COLUMNS, rollups.occupancyDaily);
        await fromSpool(other, 'analytics_occupancy_weekdays', OCCUPANCY_WEEKDAYS_COLUMNS, rollups.occupancyWeekdays);
      });
      try {
        await fromSpool(client, 'payments', PAYMENT_COLUMNS, payments);
      } finally {
        await rollupsLoaded.catch(() => undefined);
      }
      await rollupsLoaded;
      await fromSpool(client, 'ledger_entries', LEDGER_COLUMNS, ledger);
    } finally {
      rmSync(spoolDir, { recursive: true, force: true });
    }

    // Spaces and bookings were copied with their triggers off: the availability read model,
    // which those triggers keep, is built from the loaded rows in one pass instead.
    const availabilityStarted = Date.now();
    say('Building the availability read model (space_availability_rebuild)…');
    await client.query('BEGIN');
    try {
      await client.query('SET LOCAL synchronous_commit = off');
      await client.query(`SET LOCAL maintenance_work_mem = '1GB'`);
      await client.query('SELECT space_availability_rebuild()');
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    say(`  availability read model built in ${formatDuration(Date.now() - availabilityStarted)}`);

    say('Updating planner statistics (ANALYZE)…');
    await client.query('ANALYZE space_availability');
    await client.query(`ANALYZE ${SEEDED_TABLES.join(', ')}`);
    // The rollups are small: vacuumed as well, their pages are marked all-visible, so the day
    // totals of an occupancy series are read from their index alone from the first request on.
    // Only now: while a transaction older than their rows runs (the payments' load, which ran
    // beside theirs), VACUUM may not mark them visible to all.
    await client.query(`VACUUM (ANALYZE) ${ROLLUP_TABLES.join(', ')}`);
    // The investor metrics keep rollups of their own (sign-ups, cohorts, funnel…), rebuilt from
    // the loaded rows by their migration's function when it is there.
    const { rows: recompute } = await client.query<{ present: boolean }>(`SELECT to_regproc('metrics_recompute_rollups') IS NOT NULL AS present`);
    if (recompute[0]!.present) {
      const metricsStarted = Date.now();
      say('Rebuilding the investor metrics rollups (metrics_recompute_rollups)…');
      await client.query('SELECT metrics_recompute_rollups()');
      say(`  investor metrics rollups rebuilt in ${formatDuration(Date.now() - metricsStarted)}`);
    }

    const counts: Record<string, number> = {};
    for (const table of [...SEEDED_TABLES, ...ROLLUP_TABLES]) {
      const result = await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`);
      counts[table] = Number(result.rows[0]!.count);
    }
    const elapsedMs = Date.now() - started;
    say(`Seeded the ${scale.name} data set in ${formatDuration(elapsedMs)}:`);
    for (const table of [...SEEDED_TABLES, ...ROLLUP_TABLES]) say(`  ${table.padEnd(25)} ${counts[table]!.toLocaleString('en-US').padStart(12)}`);
    return { counts, elapsedMs };
  } finally {
    await runner.release();
  }
}

async function withSecondConnection(dataSource: DataSource, work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await work((await runner.connect()) as pg.PoolClient);
  } finally {
    await runner.release();
  }
}

async function makePlan(options: SeedOptions, scale: SeedScale): Promise<SeedPlan> {
  const dataSet = planDataSet(options.seed, scale, options.anchor.getTime());
  const { people } = dataSet;
  const demoUsers = [people.drivers[0]!, people.demoOperatorOwner, ...people.investors, ...people.admins].filter((u) => u.isDemoAccount);
  const demoHashes = new Map<string, string>();
  for (const user of demoUsers) demoHashes.set(user.id, await hashPassword(DEMO_PASSWORD));
  // Generated accounts share one argon2id hash of the demo password: hashing tens of thousands
  // of them one by one would take minutes, and any of them can still be signed in as in a demo.
  const sharedHash = await hashPassword(DEMO_PASSWORD);
  return { ...dataSet, demoHashes, sharedHash };
}

async function load(
  client: pg.PoolClient,
  say: (message: string) => void,
  table: string,
  copy: (progress: (rowsSoFar: number) => void) => Promise<number>,
  expected: number | undefined,
): Promise<void> {
  const started = Date.now();
  let lastReport = started;
  say(`Loading ${table}…`);
  await client.query('BEGIN');
  try {
    await client.query('SET LOCAL synchronous_commit = off');
    // The table is empty (the seed starts from an empty or reset database and loads parents
    // first), so this TRUNCATE deletes nothing; it gives the table a new file in this
    // transaction, which lets a server at wal_level=minimal (the embedded one) skip writing the
    // COPY and the index builds to the WAL. CASCADE only reaches children loaded later: empty too.
    const { rows } = await client.query<{ filled: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${table}) AS filled`);
    if (rows[0]!.filled) throw new Error(`${table} already has rows: the seed loads empty tables only`);
    await client.query(`TRUNCATE ${table} CASCADE`);
    // Index builds and foreign-key validation at the end of the load sort in memory when they
    // can: 1 GB sorts the GiST exclusion constraint and the ledger's indexes without spilling.
    await client.query(`SET LOCAL maintenance_work_mem = '1GB'`);
    // Every trigger of the table is off during its COPY, inside this transaction (no other session
    // writes meanwhile): the analytics rollups are loaded from the seed's own rows, and the
    // real-time announcements are for live changes, not for a bulk load nobody is watching. Left
    // on, their statement-level transition tables would keep a second copy of every row (five
    // million bookings, thirteen million ledger lines) to aggregate after the COPY.
    await client.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
    let copiedAt = started;
    const sent = await withConstraintsSetAside(client, table, async () => {
      const count = await copy((sofar) => {
        const now = Date.now();
        if (now - lastReport < 5_000) return;
        lastReport = now;
        const share = expected ? ` of ~${expected.toLocaleString('en-US')} (${Math.min(100, (100 * sofar) / expected).toFixed(0)} %)` : '';
        say(`  ${table}: ${sofar.toLocaleString('en-US')}${share}, ${formatDuration(now - started)}`);
      });
      copiedAt = Date.now();
      if (copiedAt - started > 5_000) say(`  ${table}: ${count.toLocaleString('en-US')} rows copied; re-creating its indexes and checking its constraints…`);
      return count;
    });
    await client.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
    await client.query('COMMIT');
    say(
      `  ${table}: ${sent.toLocaleString('en-US')} rows in ${formatDuration(Date.now() - started)} (copy ${formatDuration(copiedAt - started)}, indexes and constraints ${formatDuration(Date.now() - copiedAt)})`,
    );
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

// Demo and generated people are verified from their creation: they stand for accounts that
// confirmed their address long ago, and the demo driver must be able to book.
const USER_COLUMNS = ['id', 'email', 'password_hash', 'name', 'role', 'created_at', 'updated_at', 'email_verified_at'];
function* userRows(plan: SeedPlan): Generator<CopyValue[]> {
  const row = (u: SeedUser): CopyValue[] => [
    u.id,
    u.email,
    plan.demoHashes.get(u.id) ?? plan.sharedHash,
    u.name,
    u.role,
    u.createdAt,
    u.createdAt,
    u.createdAt,
  ];
  for (const user of plan.people.admins) yield row(user);
  for (const user of plan.people.investors) yield row(user);
  for (const operator of plan.operators) yield row(operator.owner);
  for (const driver of plan.people.drivers) yield row(driver);
}

const OPERATOR_COLUMNS = [
  'id',
  'owner_id',
  'legal_name',
  'display_name',
  'contact_email',
  'contact_phone',
  'status',
  'rejection_reason',
  'submitted_at',
  'reviewed_at',
  'created_at',
  'updated_at',
];
function* operatorRows(plan: SeedPlan): Generator<CopyValue[]> {
  for (const o of plan.operators) {
    yield [
      o.id,
      o.owner.id,
      o.legalName,
      o.displayName,
      o.contactEmail,
      o.contactPhone,
      o.status,
      o.rejectionReason,
      o.submittedAt,
      o.reviewedAt,
      o.createdAt,
      o.reviewedAt ?? o.submittedAt,
    ];
  }
}

const FACILITY_COLUMNS = [
  'id',
  'operator_id',
  'name',
  'slug',
  'description',
  'address_line',
  'city',
  'postal_code',
  'country_code',
  'latitude',
  'longitude',
  'time_zone',
  'currency',
  'opening_hours',
  'amenities',
  'height_limit_cm',
  'min_duration_minutes',
  'max_duration_minutes',
  'published',
  'is_canary',
  'created_at',
  'updated_at',
];
function* facilityRows(plan: SeedPlan): Generator<CopyValue[]> {
  for (const f of plan.facilities) {
    yield [
      f.id,
      f.operator.id,
      f.name,
      f.slug,
      f.description,
      f.addressLine,
      f.city.name,
      f.postalCode,
      f.city.countryCode,
      f.latitude,
      f.longitude,
      f.city.timeZone,
      f.city.currency,
      f.openingHours === null ? null : JSON.stringify(f.openingHours),
      f.amenities,
      f.heightLimitCm,
      30,
      f.maxDurationMinutes,
      f.published,
      f.isCanary,
      f.createdAt,
      f.createdAt,
    ];
  }
}

const SPACE_COLUMNS = ['id', 'facility_id', 'label', 'space_type', 'active', 'created_at'];
function* spaceRows(plan: SeedPlan): Generator<CopyValue[]> {
  for (const f of plan.facilities) {
    for (const s of spacesOf(plan.seed, f)) yield [s.id, f.id, s.label, s.type, true, f.createdAt];
  }
}

const RATE_COLUMNS = ['id', 'facility_id', 'space_type', 'hourly_cents', 'daily_max_cents', 'created_at', 'updated_at'];
function* rateRows(plan: SeedPlan): Generator<CopyValue[]> {
  for (const f of plan.facilities) {
    for (const type of SPACE_TYPES) {
      const rate = f.rates[type];
      if (rate) yield [rate.id, f.id, type, rate.hourlyCents, rate.dailyMaxCents, f.createdAt, f.createdAt];
    }
  }
}

const BOOKING_COLUMNS = [
  'id',
  'code',
  'driver_id',
  'facility_id',
  'space_id',
  'space_type',
  'period',
  'status',
  'vehicle_plate',
  'amount_cents',
  'currency',
  'hold_expires_at',
  'created_at',
  'updated_at',
  'confirmed_at',
  'cancelled_at',
];
/**
 * Booking, payment and ledger lines are written straight as COPY text: every field is an id, an
 * enum, a number, a plate or an instant, none of which can hold a tab, newline or backslash, so
 * the general escaping of copyLine() (and its cost, times twenty million) is not needed.
 */
function* bookingRows(plan: SeedPlan, payments: CopySpool, ledger: CopySpool, rollupSpools: RollupSpools): Generator<string> {
  const codeOf = bookingCodes(plan.seed);
  const rollups = new RollupAccumulator({ from: plan.context.calendar.start, to: plan.context.calendar.end }, rollupSpools);
  const iso = isoInstantWriter();
  let index = 0;
  for (const b of allBookings(plan)) {
    const currency = b.facility.city.currency;
    yield `${b.id}\t${codeOf(index)}\t${b.driver.id}\t${b.facility.id}\t${b.space.id}\t${b.space.type}\t[${iso(b.start)},${iso(b.end)})\t${b.status}\t${b.driver.vehiclePlate}\t${b.amountCents}\t${currency}\t${iso(b.holdExpiresAt)}\t${iso(b.createdAt)}\t${iso(b.updatedAt)}\t${iso(b.confirmedAt)}\t${iso(b.cancelledAt)}\n`;
    index += 1;
    rollups.add(b);
    const p = b.payment;
    if (!p) continue;
    const paidAt = iso(p.createdAt);
    const refund = p.refund;
    const refunded = refund ? refund.split.grossCents : 0;
    const status = refund ? (refunded >= b.amountCents ? 'refunded' : 'partially_refunded') : 'succeeded';
    payments.addLine(
      `${p.id}\t${b.id}\tsandbox\t${p.providerRef}\t${status}\t${b.amountCents}\t${refunded}\t${currency}\t${p.cardBrand}\t${p.cardLast4}\t${paidAt}\n`,
    );
    const owners = `${b.id}\t${p.id}\t${b.facility.operator.id}\t${b.facility.id}`;
    ledger.addLine(`${owners}\tgross\t${p.split.grossCents}\t${currency}\t${paidAt}\n`);
    ledger.addLine(`${owners}\tplatform_fee\t${p.split.platformFeeCents}\t${currency}\t${paidAt}\n`);
    ledger.addLine(`${owners}\toperator_net\t${p.split.operatorNetCents}\t${currency}\t${paidAt}\n`);
    if (!refund) continue;
    // As the payments module writes a refund: negative lines, split like a charge, at the cancellation's instant.
    const refundedAt = iso(refund.at);
    ledger.addLine(`${owners}\trefund\t${-refund.split.grossCents}\t${currency}\t${refundedAt}\n`);
    ledger.addLine(`${owners}\trefund_platform_fee\t${-refund.split.platformFeeCents}\t${currency}\t${refundedAt}\n`);
    ledger.addLine(`${owners}\trefund_operator_net\t${-refund.split.operatorNetCents}\t${currency}\t${refundedAt}\n`);
  }
  rollups.finish();
}

const PAYMENT_COLUMNS = [
  'id',
  'booking_id',
  'provider',
  'provider_ref',
  'status',
  'amount_cents',
  'refunded_cents',
  'currency',
  'card_brand',
  'card_last4',
  'created_at',
];
const LEDGER_COLUMNS = ['booking_id', 'payment_id', 'operator_id', 'facility_id', 'account', 'amount_cents', 'currency', 'occurred_at'];
