import type pg from 'pg';

/** The metrics rollup triggers of each table they watch (see the investor metrics migration). */
export const METRICS_ROLLUP_TRIGGERS: Record<string, readonly string[]> = {
  bookings: ['metrics_stays_insert', 'metrics_stays_update', 'metrics_stays_delete'],
  ledger_entries: ['metrics_money_insert', 'metrics_money_update', 'metrics_money_delete'],
  users: ['metrics_signups_insert', 'metrics_signups_update', 'metrics_signups_delete'],
  facilities: ['metrics_facilities_insert', 'metrics_facilities_update', 'metrics_facilities_delete'],
  spaces: ['metrics_spaces_insert', 'metrics_spaces_update', 'metrics_spaces_delete'],
};

/** Turns a table's metrics triggers off or on, inside a bulk load's transaction (then `recomputeMetricsRollups`). */
export async function setMetricsTriggers(client: pg.ClientBase, table: string, enabled: boolean): Promise<void> {
  for (const trigger of METRICS_ROLLUP_TRIGGERS[table] ?? []) {
    await client.query(`ALTER TABLE ${table} ${enabled ? 'ENABLE' : 'DISABLE'} TRIGGER ${trigger}`);
  }
}

/** Rebuilds every metrics rollup from the base tables. */
export async function recomputeMetricsRollups(client: pg.ClientBase): Promise<void> {
  await client.query('SELECT metrics_recompute_rollups()');
}
