import type { DataSource, QueryRunner } from 'typeorm';
import { runPrepared } from './prepared.js';

/**
 * Raw SQL inside one transaction, on one connection. `rows` always answers the rows (TypeORM's
 * plain `query` answers UPDATE and DELETE with `[rows, count]`), and savepoints let a statement
 * fail without losing the transaction (`attempt`).
 */
export class SqlTransaction {
  private savepoints = 0;

  constructor(private readonly runner: QueryRunner) {}

  async rows<T>(text: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.runner.query(text, params, true);
    return result.records as T[];
  }

  async one<T>(text: string, params: unknown[] = []): Promise<T | undefined> {
    return (await this.rows<T>(text, params))[0];
  }

  /** As `rows`, as a named prepared statement (`runPrepared`): for the hot, large statements. */
  prepared<T>(text: string, params: unknown[] = []): Promise<T[]> {
    return runPrepared<T>(this.runner, text, params);
  }

  /** Runs `work` under a savepoint: when it throws, only its own statements are undone. */
  async attempt<T>(work: () => Promise<T>): Promise<T> {
    const name = `attempt_${++this.savepoints}`;
    await this.runner.query(`SAVEPOINT ${name}`);
    try {
      const result = await work();
      await this.runner.query(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (error) {
      await this.runner.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
  }
}

/** Runs `work` in a READ COMMITTED transaction: committed when it returns, rolled back when it throws. */
export async function withTransaction<T>(dataSource: DataSource, work: (tx: SqlTransaction) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    try {
      const result = await work(new SqlTransaction(runner));
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    }
  } finally {
    await runner.release();
  }
}
