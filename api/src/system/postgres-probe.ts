import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresCard, SlowStatement } from '@aiparksit/shared';
import { ratePerMinute } from './stub-status.js';

/** Every status query gives up after this: a sick database reads as down, not as a hung page. */
export const STATUS_QUERY_TIMEOUT_MS = 2000;
/** A probe slower than this, or connections past this share of max_connections, is degraded. */
const SLOW_PROBE_MS = 1000;
const BUSY_CONNECTIONS = 0.9;
const SLOWEST_STATEMENTS = 5;
const MAX_QUERY_TEXT = 500;
/** After pg_stat_statements failed (listed but not preloaded), ask again only this much later. */
const STATEMENTS_RETRY_MS = 5 * 60_000;

interface Overview {
  version: string;
  database: string;
  max_connections: number;
  size_bytes: string;
  started_at: Date;
  active: number;
  idle: number;
  idle_in_transaction: number;
  total: number;
  transactions: string | null;
  blks_hit: string | null;
  blks_read: string | null;
  statements: boolean;
}

interface LongestRow {
  query: string;
  duration_ms: number;
  state: string;
  application_name: string;
}

interface StatementRow {
  query: string;
  calls: string;
  mean_ms: number;
  max_ms: number;
}

/**
 * The PostgreSQL card: one round trip for version, connections, size, transaction and block
 * counters, one for the longest running query, and pg_stat_statements when it is installed. On a
 * connection of its own (not the API's pool, which may be the thing that is exhausted) with
 * statement_timeout set, so a stuck database costs the page two seconds, not a hang.
 */
@Injectable()
export class PostgresProbe implements OnApplicationShutdown {
  private readonly pool: pg.Pool;
  private previousCounter: { value: number; at: number; source: SlowStatement['source'] | 'transactions' } | undefined;
  private statementsFailedAt = -Infinity;

  constructor(private readonly dataSource: DataSource) {
    this.pool = new pg.Pool({
      connectionString: (dataSource.options as { url?: string }).url,
      max: 1,
      application_name: 'aiparksit-status',
      options: `-c timezone=UTC -c statement_timeout=${STATUS_QUERY_TIMEOUT_MS} -c lock_timeout=${STATUS_QUERY_TIMEOUT_MS / 2}`,
      connectionTimeoutMillis: STATUS_QUERY_TIMEOUT_MS,
      idleTimeoutMillis: 60_000,
    });
    // An idle connection the server dropped reports here; the next probe simply reconnects.
    this.pool.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  /**
   * The card. `apiSlowStatements` are the API's own slow statements of the last hour (the error
   * log's `Slow query` groups, SLOW_QUERY_MS), used when pg_stat_statements is not installed.
   */
  async card(apiSlowStatements: () => Promise<SlowStatement[]>, pool = this.poolFigures()): Promise<PostgresCard> {
    const started = performance.now();
    let overview: Overview;
    let longest: LongestRow | undefined;
    try {
      overview = await this.overview();
      longest = await this.longestRunning();
    } catch (error) {
      this.previousCounter = undefined;
      return {
        state: 'down',
        reason: `PostgreSQL does not answer: ${error instanceof Error ? error.message : String(error)}`,
        uptimeSeconds: null,
        version: null,
        database: null,
        connections: { active: 0, idle: 0, idleInTransaction: 0, total: 0, max: 0 },
        queriesPerMinute: null,
        sizeBytes: null,
        cacheHitRatio: null,
        longestRunningQuery: null,
        slowestStatements: [],
        pool,
      };
    }

    const statements = overview.statements && performance.now() - this.statementsFailedAt > STATEMENTS_RETRY_MS ? await this.statements() : undefined;
    const counter = statements
      ? { value: statements.calls, source: 'pg_stat_statements' as const }
      : { value: Number(overview.transactions ?? 0), source: 'transactions' as const };
    const now = Date.now();
    const previous = this.previousCounter?.source === counter.source ? this.previousCounter : undefined;
    const queriesPerMinute = ratePerMinute(previous, { value: counter.value, at: now });
    this.previousCounter = { ...counter, at: now };

    const hit = Number(overview.blks_hit ?? 0);
    const read = Number(overview.blks_read ?? 0);
    const elapsedMs = performance.now() - started;
    const connections = {
      active: overview.active,
      idle: overview.idle,
      idleInTransaction: overview.idle_in_transaction,
      total: overview.total,
      max: overview.max_connections,
    };
    const reasons: string[] = [];
    if (connections.total >= BUSY_CONNECTIONS * connections.max) reasons.push(`${connections.total} of ${connections.max} connections are in use.`);
    // Waiting while the pool is still opening connections is normal; waiting with all of them open is exhaustion.
    if (pool.waiting > 0 && pool.total >= pool.max)
      reasons.push(`${pool.waiting} requests of this instance wait for a pooled connection (all ${pool.max} busy).`);
    if (elapsedMs > SLOW_PROBE_MS) reasons.push(`The status queries took ${Math.round(elapsedMs)} ms.`);

    return {
      state: reasons.length ? 'degraded' : 'running',
      reason: reasons.length ? reasons.join(' ') : null,
      uptimeSeconds: Math.round((now - overview.started_at.getTime()) / 1000),
      version: overview.version,
      database: overview.database,
      connections,
      queriesPerMinute,
      sizeBytes: Number(overview.size_bytes),
      cacheHitRatio: hit + read === 0 ? null : Math.round((hit / (hit + read)) * 10_000) / 10_000,
      longestRunningQuery: longest
        ? { query: longest.query, durationMs: Math.round(longest.duration_ms), state: longest.state, applicationName: longest.application_name }
        : null,
      slowestStatements: statements ? statements.slowest : await apiSlowStatements().catch(() => []),
      pool,
    };
  }

  /**
   * This instance's pool (TypeORM's pg.Pool): connections open, idle, and requests waiting for
   * one. Read before a snapshot's own queries go through the pool, which would count themselves.
   */
  poolFigures(): PostgresCard['pool'] {
    const pool = (this.dataSource.driver as unknown as { master?: pg.Pool }).master;
    if (!pool) return { total: 0, idle: 0, waiting: 0, max: 0 };
    return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 0 };
  }

  private async overview(): Promise<Overview> {
    const { rows } = await this.pool.query<Overview>(
      `SELECT 'PostgreSQL ' || current_setting('server_version') AS version,
              current_database() AS database,
              current_setting('max_connections')::int AS max_connections,
              pg_database_size(current_database())::text AS size_bytes,
              pg_postmaster_start_time() AS started_at,
              a.active, a.idle, a.idle_in_transaction, a.total,
              (d.xact_commit + d.xact_rollback)::text AS transactions,
              d.blks_hit::text AS blks_hit, d.blks_read::text AS blks_read,
              EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements') AS statements
         FROM (SELECT count(*) FILTER (WHERE state = 'active')::int AS active,
                      count(*) FILTER (WHERE state = 'idle')::int AS idle,
                      count(*) FILTER (WHERE state LIKE 'idle in transaction%')::int AS idle_in_transaction,
                      count(*)::int AS total
                 FROM pg_stat_activity WHERE backend_type = 'client backend') AS a
         LEFT JOIN pg_stat_database AS d ON d.datname = current_database()`,
    );
    return rows[0]!;
  }

  /** The query running longest in this database (not idle, not this probe), idle-in-transaction included: it holds locks too. */
  private async longestRunning(): Promise<LongestRow | undefined> {
    const { rows } = await this.pool.query<LongestRow>(
      `SELECT left(query, ${MAX_QUERY_TEXT}) AS query,
              extract(epoch FROM clock_timestamp() - query_start) * 1000 AS duration_ms,
              state, application_name
         FROM pg_stat_activity
        WHERE datname = current_database() AND backend_type = 'client backend'
          AND state IS NOT NULL AND state <> 'idle' AND pid <> pg_backend_pid() AND query_start IS NOT NULL
        ORDER BY query_start
        LIMIT 1`,
    );
    return rows[0] === undefined ? undefined : { ...rows[0], duration_ms: Number(rows[0].duration_ms) };
  }

  /**
   * pg_stat_statements of this database: total calls (queries per minute from two samples) and
   * the statements slowest on average since its statistics were last reset (it keeps no
   * per-hour figures). Listed but not in shared_preload_libraries, the view errors: then the
   * API's own slow-query log is used, and the view is tried again a few minutes later.
   */
  private async statements(): Promise<{ calls: number; slowest: SlowStatement[] } | undefined> {
    try {
      const { rows } = await this.pool.query<StatementRow & { all_calls: string }>(
        `WITH mine AS (SELECT * FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()))
         SELECT left(query, ${MAX_QUERY_TEXT}) AS query, calls::text AS calls, mean_exec_time AS mean_ms, max_exec_time AS max_ms,
                (SELECT sum(calls) FROM mine)::text AS all_calls
           FROM mine
          ORDER BY mean_exec_time DESC
          LIMIT ${SLOWEST_STATEMENTS}`,
      );
      return {
        calls: Number(rows[0]?.all_calls ?? 0),
        slowest: rows.map((row) => ({
          query: row.query,
          calls: Number(row.calls),
          meanMs: Math.round(row.mean_ms * 10) / 10,
          maxMs: Math.round(row.max_ms * 10) / 10,
          source: 'pg_stat_statements' as const,
        })),
      };
    } catch {
      this.statementsFailedAt = performance.now();
      return undefined;
    }
  }
}
