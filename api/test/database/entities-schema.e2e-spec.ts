import pg from 'pg';
import type { DataSource, EntityMetadata, Table } from 'typeorm';
import { createDataSource, runMigrations } from '../../src/database/data-source.js';

/**
 * The entities (api/src/<module>/*.entity.ts, listed in api/src/database/entities.ts) describe
 * the schema the migrations make. A fresh database on the suite's PostgreSQL is migrated, and
 * TypeORM's view of the entities is compared with it: tables, columns, keys, uniques, indexes,
 * and finally the SQL `synchronize` would run, which must hold nothing but the known differences.
 * Each failure names the table and column (or constraint) that disagree.
 */

/**
 * TypeORM's own bookkeeping: the migrations it ran, and `typeorm_metadata`, which TypeORM reads
 * while it inspects a generated column; this test makes that table in its throwaway database only.
 */
const TOOLING_TABLES = ['schema_migrations', 'typeorm_metadata'];

interface KnownDifference {
  /** What the entities leave out, and why. */
  what: string;
  reason: string;
  /** Answers one row with `present = true` when the object is in the schema, so the list cannot outlive it. */
  presentSql: string;
  /** The statements `synchronize` would run because of it (none when TypeORM cannot see it at all). */
  explains?: (statement: string, facts: SchemaFacts) => boolean;
}

interface SchemaFacts {
  checkConstraints: Set<string>;
}

const dropConstraint = (statement: string) => /^ALTER TABLE "[^"]+" DROP CONSTRAINT "([^"]+)"$/.exec(statement)?.[1];
const dropIndex = (statement: string) => /^DROP INDEX "[^"]*"?\.?"?([^"]+)"$/.exec(statement)?.[1];

/**
 * What the schema holds and the entities do not. Rules that live in the database stay in the
 * migrations; an entity maps columns for CRUD. TypeORM compares checks and exclusions by name only
 * and cannot read an expression in an index, so copies on the entities would be unverified text.
 */
const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    what: 'CHECK constraints (value rules on users, facilities, rates, bookings, payments, operators, blackouts, rollups…)',
    reason: 'TypeORM compares checks by name only; the migrations are their single source, and violations surface as 23514 from PostgreSQL',
    presentSql: `SELECT count(*) >= 30 AS present FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' AND c.contype = 'c'`,
    explains: (statement, facts) => facts.checkConstraints.has(dropConstraint(statement) ?? ''),
  },
  {
    what: 'bookings_no_overlap: EXCLUDE USING gist (space_id WITH =, occupied_period WITH &&) WHERE status is live',
    reason: 'no double booking is enforced by PostgreSQL; an @Exclusion would be compared by name only, so the migration holds the one definition',
    presentSql: `SELECT true AS present FROM pg_constraint WHERE conname = 'bookings_no_overlap' AND contype = 'x' AND pg_get_constraintdef(oid) LIKE 'EXCLUDE USING gist (space_id WITH =, occupied_period WITH &&)%'`,
    explains: (statement) => dropConstraint(statement) === 'bookings_no_overlap',
  },
  {
    what: 'bookings_driver_idx on (driver_id, lower(period) DESC)',
    reason: 'an index with an expression column: TypeORM reads it as an index on driver_id alone',
    presentSql: `SELECT true AS present FROM pg_indexes WHERE indexname = 'bookings_driver_idx' AND indexdef LIKE '%(driver_id, lower(period) DESC)'`,
    explains: (statement) => dropIndex(statement) === 'bookings_driver_idx',
  },
  {
    what: 'covering indexes ledger_entries_revenue_idx and analytics_occupancy_daily_totals_idx (INCLUDE columns)',
    reason: 'TypeORM cannot declare INCLUDE and reads included columns as key columns',
    presentSql: `SELECT count(*) = 2 AS present FROM pg_indexes WHERE indexname IN ('ledger_entries_revenue_idx', 'analytics_occupancy_daily_totals_idx') AND indexdef LIKE '%INCLUDE%'`,
    explains: (statement) => ['ledger_entries_revenue_idx', 'analytics_occupancy_daily_totals_idx'].includes(dropIndex(statement) ?? ''),
  },
  {
    what: 'expression indexes facilities_earth_idx, facilities_point_idx, bookings_confirmed_end_idx',
    reason: 'indexes over expressions only (ll_to_earth, point, upper(period)) are invisible to TypeORM',
    presentSql: `SELECT count(*) = 3 AS present FROM pg_indexes WHERE indexname IN ('facilities_earth_idx', 'facilities_point_idx', 'bookings_confirmed_end_idx')`,
  },
  {
    what: 'search keys: facilities.name_key, address_key, city_key and place_names.name_key, GENERATED ALWAYS AS (search_key(…)) STORED, with their indexes',
    reason:
      'declared as generated, the entities would make TypeORM keep a typeorm_metadata table of its own: they are mapped read-only and the migration holds the expression; the trigram indexes carry an operator class TypeORM cannot declare',
    presentSql: `SELECT (SELECT count(*) FROM information_schema.columns WHERE table_name IN ('facilities', 'place_names') AND column_name LIKE '%\\_key' AND is_generated = 'ALWAYS') = 4
                    AND (SELECT count(*) FROM pg_indexes WHERE indexname IN ('place_names_key_idx', 'facilities_name_search_idx', 'facilities_address_search_idx', 'facilities_city_key_idx')) = 4 AS present`,
    explains: (statement) =>
      /^(ALTER TABLE|UPDATE) "(facilities|place_names)" .*"(TEMP_OLD_)?(name|address|city)_key"/.test(statement) ||
      ['place_names_key_idx', 'facilities_name_search_idx', 'facilities_address_search_idx', 'facilities_city_key_idx'].includes(dropIndex(statement) ?? ''),
  },
  {
    what: 'facilities.earth_point GENERATED ALWAYS AS (ll_to_earth(latitude, longitude)::cube) STORED, with its GiST index facilities_earth_point_idx',
    reason:
      'declared as generated, the entity would make TypeORM keep a typeorm_metadata table of its own: it is mapped read-only and the migration holds the expression; TypeORM cannot declare a GiST index',
    presentSql: `SELECT (SELECT count(*) FROM information_schema.columns WHERE table_name = 'facilities' AND column_name = 'earth_point' AND is_generated = 'ALWAYS') = 1
                    AND (SELECT count(*) FROM pg_indexes WHERE indexname = 'facilities_earth_point_idx' AND indexdef LIKE '%USING gist%') = 1 AS present`,
    explains: (statement) =>
      /^(ALTER TABLE|UPDATE) "facilities" .*"(TEMP_OLD_)?earth_point"/.test(statement) || dropIndex(statement) === 'facilities_earth_point_idx',
  },
  {
    what: "users_search_idx: GIN trigram index on lower(email) || ' ' || lower(name)",
    reason: 'an index over an expression only, with an operator class (gin_trgm_ops): invisible to TypeORM',
    presentSql: `SELECT true AS present FROM pg_indexes WHERE indexname = 'users_search_idx' AND indexdef LIKE '%USING gin%gin_trgm_ops%'`,
  },
  {
    what: "api_keys.scopes DEFAULT ARRAY['marketplace:read']",
    reason:
      'TypeORM lowercases the entity side of an expression default (array[…]) but not the schema side, so an ARRAY constructor default never compares equal',
    presentSql: `SELECT true AS present FROM information_schema.columns WHERE table_name = 'api_keys' AND column_name = 'scopes' AND column_default = 'ARRAY[''marketplace:read''::text]'`,
    explains: (statement) => statement === `ALTER TABLE "api_keys" ALTER COLUMN "scopes" SET DEFAULT ARRAY['marketplace:read']`,
  },
  {
    what: 'bookings.occupied_period GENERATED ALWAYS AS (period stretched to a held extension) STORED',
    reason:
      'declared as generated, the entity would make TypeORM keep a typeorm_metadata table of its own in every database; it is mapped read-only and the migration holds the expression',
    presentSql: `SELECT true AS present FROM information_schema.columns WHERE table_name = 'bookings' AND column_name = 'occupied_period' AND is_generated = 'ALWAYS'`,
    // TypeORM would rebuild the column through a temporary copy (and the index over it), and
    // forget the expression it never recorded.
    explains: (statement) =>
      /"(TEMP_OLD_)?occupied_period"/.test(statement) ||
      dropIndex(statement) === 'bookings_facility_period_idx' ||
      statement.startsWith('DELETE FROM "typeorm_metadata"'),
  },
  {
    what: 'statement triggers: real-time notices (pg_notify) and the analytics rollups',
    reason: 'triggers and their functions are migration SQL; TypeORM has no notion of them',
    presentSql: `SELECT count(DISTINCT event_object_table) >= 4 AS present FROM information_schema.triggers WHERE event_object_table IN ('bookings', 'spaces', 'facilities', 'ledger_entries')`,
  },
];

describe('TypeORM entities against the migrated schema', () => {
  const databaseName = `entities_schema_${process.pid}`;
  let admin: pg.Client;
  let dataSource: DataSource;
  let tables: Table[];
  let schemaTables: string[];
  let facts: SchemaFacts;

  beforeAll(async () => {
    const url = process.env['DATABASE_URL'];
    if (!url) throw new Error('DATABASE_URL is not set: system tests run under the system jest project.');
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${databaseName}`);
    await admin.query(`CREATE DATABASE ${databaseName}`);
    const fresh = new URL(url);
    fresh.pathname = `/${databaseName}`;
    dataSource = createDataSource({ url: fresh.toString(), poolSize: 2, applicationName: 'aiparksit-entities-test' });
    await dataSource.initialize();
    await runMigrations(dataSource);

    // TypeORM looks generated columns' expressions up in a table of its own while it reads the
    // schema; the migrations do not make it, so it exists in this throwaway database only.
    await dataSource.query(
      `CREATE TABLE typeorm_metadata ("type" varchar NOT NULL, "database" varchar, "schema" varchar, "table" varchar, "name" varchar, "value" text)`,
    );

    const runner = dataSource.createQueryRunner();
    try {
      tables = await runner.getTables(dataSource.entityMetadatas.map((m) => m.tableName));
    } finally {
      await runner.release();
    }
    const rows: { table_name: string }[] = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    schemaTables = rows.map((r) => r.table_name);
    const checks: { conname: string }[] = await dataSource.query(
      `SELECT c.conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = 'public' AND c.contype = 'c'`,
    );
    facts = { checkConstraints: new Set(checks.map((c) => c.conname)) };
  }, 120_000);

  afterAll(async () => {
    if (dataSource?.isInitialized) await dataSource.destroy();
    if (admin) {
      await admin.query(`DROP DATABASE IF EXISTS ${databaseName}`).catch(() => undefined);
      await admin.end();
    }
  });

  const tableOf = (metadata: EntityMetadata) => tables.find((t) => t.name === metadata.tableName);

  it('has an entity for every table the migrations create', () => {
    const mapped = new Set(dataSource.entityMetadatas.map((m) => m.tableName));
    const unmapped = schemaTables.filter((name) => !mapped.has(name) && !TOOLING_TABLES.includes(name));
    expect(unmapped.map((name) => `table ${name} has no entity (add api/src/<module>/<name>.entity.ts to api/src/database/entities.ts)`)).toEqual([]);
  });

  it('has a table for every entity', () => {
    const missing = dataSource.entityMetadatas.filter((m) => !schemaTables.includes(m.tableName));
    expect(missing.map((m) => `entity ${m.name} names table ${m.tableName}, which the migrations do not create`)).toEqual([]);
  });

  it('maps every column with the name, type, array-ness, length, nullability and primary key of the schema', () => {
    const problems: string[] = [];
    for (const metadata of dataSource.entityMetadatas) {
      const table = tableOf(metadata);
      if (!table) continue;
      for (const column of metadata.columns) {
        const where = `${metadata.tableName}.${column.databaseName}`;
        const actual = table.columns.find((c) => c.name === column.databaseName);
        if (!actual) {
          problems.push(`${where}: declared by ${metadata.name}.${column.propertyName}, but the table has no such column`);
          continue;
        }
        const expectedType = dataSource.driver.normalizeType(column);
        if (actual.type !== expectedType) problems.push(`${where}: entity type ${expectedType}, schema type ${actual.type}`);
        if (actual.type === 'enum' && (actual.enumName ?? column.enumName) !== column.enumName)
          problems.push(`${where}: entity enum ${column.enumName}, schema enum ${actual.enumName}`);
        if (actual.enum && column.enum && actual.enum.join(',') !== column.enum.map(String).join(','))
          problems.push(`${where}: entity enum values [${column.enum.join(', ')}], schema [${actual.enum.join(', ')}]`);
        if (actual.isArray !== column.isArray)
          problems.push(`${where}: entity ${column.isArray ? 'is' : 'is not'} an array, schema column ${actual.isArray ? 'is' : 'is not'}`);
        if ((actual.length || '') !== (column.length || ''))
          problems.push(`${where}: entity length ${column.length || 'none'}, schema length ${actual.length || 'none'}`);
        if (actual.isNullable !== column.isNullable)
          problems.push(`${where}: entity says ${column.isNullable ? 'NULL' : 'NOT NULL'}, schema says ${actual.isNullable ? 'NULL' : 'NOT NULL'}`);
        if (actual.isPrimary !== column.isPrimary)
          problems.push(
            `${where}: entity ${column.isPrimary ? 'has it in' : 'leaves it out of'} the primary key, schema ${actual.isPrimary ? 'has it in' : 'does not'}`,
          );
      }
      for (const actual of table.columns) {
        if (!metadata.columns.some((c) => c.databaseName === actual.name))
          problems.push(`${metadata.tableName}.${actual.name}: in the schema, but ${metadata.name} has no property for it`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('declares the unique constraints and unique indexes of the schema, by name and columns', async () => {
    const rows: { table_name: string; name: string; columns: string[] }[] = await dataSource.query(
      `
      SELECT t.relname AS table_name, i.relname AS name,
             array(SELECT a.attname::text FROM unnest(ix.indkey) k JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k ORDER BY a.attname) AS columns
        FROM pg_index ix
        JOIN pg_class t ON t.oid = ix.indrelid
        JOIN pg_class i ON i.oid = ix.indexrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace
       WHERE n.nspname = 'public' AND ix.indisunique AND NOT ix.indisprimary AND t.relname <> ALL ($1)`,
      [TOOLING_TABLES],
    );
    const describe = (table: string, name: string, columns: string[]) => `${table}: unique ${name} (${[...columns].sort().join(', ')})`;
    const inSchema = rows.map((r) => describe(r.table_name, r.name, r.columns)).sort();
    const inEntities = dataSource.entityMetadatas
      .flatMap((m) => [
        ...m.uniques.map((u) =>
          describe(
            m.tableName,
            u.name,
            u.columns.map((c) => c.databaseName),
          ),
        ),
        ...m.indices
          .filter((i) => i.isUnique)
          .map((i) =>
            describe(
              m.tableName,
              i.name,
              i.columns.map((c) => c.databaseName),
            ),
          ),
      ])
      .sort();
    expect(inEntities).toEqual(inSchema);
  });

  it('declares partial indexes with the predicate the schema has', () => {
    const problems: string[] = [];
    for (const metadata of dataSource.entityMetadatas) {
      for (const index of metadata.indices) {
        const actual = tableOf(metadata)?.indices.find((i) => i.name === index.name);
        if (!actual) problems.push(`${metadata.tableName}: index ${index.name} is declared by ${metadata.name}, but the schema has no such index`);
        else if ((actual.where ?? '') !== (index.where ?? ''))
          problems.push(
            `${metadata.tableName}: index ${index.name} WHERE ${index.where ?? '(none)'} in the entity, WHERE ${actual.where || '(none)'} in the schema`,
          );
      }
    }
    expect(problems).toEqual([]);
  });

  it('leaves synchronize nothing to do but the known differences', async () => {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    const statements = sql.upQueries.map((q) => q.query.replace(/\s+/g, ' ').trim());
    const unexplained = statements.filter((statement) => !KNOWN_DIFFERENCES.some((d) => d.explains?.(statement, facts)));
    expect(unexplained).toEqual([]);
  });

  it('installs no extension but those the migrations create, whatever the entities use', async () => {
    const rows: { extname: string }[] = await dataSource.query(`SELECT extname FROM pg_extension ORDER BY extname`);
    expect(rows.map((r) => r.extname)).toEqual(['btree_gist', 'citext', 'cube', 'earthdistance', 'pg_trgm', 'plpgsql', 'unaccent']);
  });

  it.each(KNOWN_DIFFERENCES.map((d) => [d.what, d] as const))('still finds the known difference in the schema: %s', async (_what, difference) => {
    const rows: { present: boolean }[] = await dataSource.query(difference.presentSql);
    expect(rows[0]?.present).toBe(true);
  });
});
