import type pg from 'pg';

/** The rollup triggers of each table they watch (see the analytics daily rollups migration). */
const ROLLUP_TRIGGERS: Record<string, readonly string[]> = {
  bookings: ['analytics_occupancy_insert', 'analytics_occupancy_update', 'analytics_occupancy_delete'],
  ledger_entries: ['analytics_revenue_insert', 'analytics_revenue_update', 'analytics_revenue_delete'],
};

/**
 * Turns a table's rollup triggers off or on. For bulk loads: call it inside the loading
 * transaction (off before the COPY, on again before the commit) so no other session ever writes
 * while they are off, and load the rollup rows in the same way (or `rebuildRollups` once the
 * load is done). A no-op for other tables.
 */
export async function setRollupTriggers(client: pg.ClientBase, table: string, enabled: boolean): Promise<void> {
  for (const trigger of ROLLUP_TRIGGERS[table] ?? []) {
    await client.query(`ALTER TABLE ${table} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER ${trigger}`);
  }
}

/** Recomputes every rollup from bookings and the ledger (the same upserts as the triggers). */
export async function rebuildRollups(client: pg.ClientBase): Promise<void> {
  await client.query('SELECT analytics_recompute_rollups(NULL)');
}
