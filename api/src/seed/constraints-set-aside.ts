import type pg from 'pg';

interface SavedDefinition {
  name: string;
  definition: string;
}

/**
 * Bulk loading the way pg_restore does it: inside the loading transaction, the table's secondary
 * indexes, unique and exclusion constraints and foreign keys are dropped, the rows copied, and
 * then every one of them re-created from its own saved definition (`pg_get_indexdef`,
 * `pg_get_constraintdef`, so nothing is restated here and later migrations are respected).
 * Re-creating validates all rows at once — overlaps, duplicates and dangling references still
 * abort the load — but as one sort or one anti-join instead of a check per row, which is what
 * makes five million bookings fit in minutes. The table is locked (ACCESS EXCLUSIVE) throughout,
 * so no other session ever sees it without its constraints; the primary key stays, since other
 * tables' foreign keys hang on it.
 */
export async function withConstraintsSetAside<T>(client: pg.PoolClient | pg.Client, table: string, load: () => Promise<T>): Promise<T> {
  const indexes = await client.query<SavedDefinition>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
      WHERE i.indrelid = $1::regclass AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = i.indrelid AND c.conindid = i.indexrelid)
      ORDER BY 1`,
    [table],
  );
  // Unique and exclusion constraints first, foreign keys last, both when dropping and re-adding
  // (order is irrelevant inside one table, but keeps the log readable). Unique keys that other
  // tables' foreign keys point at stay where they are.
  const constraints = await client.query<SavedDefinition & { kind: string }>(
    `SELECT c.conname AS name, pg_get_constraintdef(c.oid) AS definition, c.contype::text AS kind
       FROM pg_constraint c
      WHERE c.conrelid = $1::regclass AND c.contype IN ('u', 'x', 'f')
        AND NOT (c.contype IN ('u', 'x') AND EXISTS (
              SELECT 1 FROM pg_constraint r WHERE r.contype = 'f' AND r.confrelid = c.conrelid AND r.conindid = c.conindid))
      ORDER BY c.contype = 'f', c.conname`,
    [table],
  );
  for (const c of constraints.rows) await client.query(`ALTER TABLE ${table} DROP CONSTRAINT ${quoteIdent(c.name)}`);
  for (const i of indexes.rows) await client.query(`DROP INDEX ${i.name}`);
  const result = await load();
  for (const i of indexes.rows) await client.query(i.definition);
  for (const c of constraints.rows) await client.query(`ALTER TABLE ${table} ADD CONSTRAINT ${quoteIdent(c.name)} ${c.definition}`);
  return result;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
