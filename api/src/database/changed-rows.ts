import { EntityManager, type DataSource } from 'typeorm';

/**
 * The rows an `UPDATE … RETURNING` or `DELETE … RETURNING` (or a `WITH … UPDATE`) returned.
 * TypeORM's `query()` answers those statements with `[rows, affectedCount]` rather than the rows
 * it gives for SELECT and INSERT, so its answer read as rows always has a length of 2; the
 * structured result names the rows. Inside a transaction pass its EntityManager.
 */
export async function changedRows<T>(db: DataSource | EntityManager, text: string, params: unknown[] = []): Promise<T[]> {
  const inTransaction = db instanceof EntityManager ? db.queryRunner : undefined;
  const runner = inTransaction ?? (db instanceof EntityManager ? db.connection : db).createQueryRunner();
  try {
    const result = await runner.query(text, params, true);
    return result.records as T[];
  } finally {
    if (!inTransaction) await runner.release();
  }
}
