import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ErrorService, SlowStatement, SystemErrorGroup } from '@aiparksit/shared';
import type { PendingErrorGroup } from '../common/errors/index.js';

export interface ErrorGroupFilter {
  hours: number;
  service?: ErrorService | undefined;
  critical?: boolean | undefined;
  limit: number;
}

interface GroupRow {
  fingerprint: string;
  service: ErrorService;
  type: string;
  message: string;
  count: string;
  firstAt: Date;
  lastAt: Date;
  lastRequestId: string | null;
  lastInstance: string | null;
  lastRoute: string | null;
  critical: boolean;
  totalMs: number;
  maxMs: number;
}

/** Hours counted from this instant on make "the last N hours": exact to the hour. */
const WINDOW_START = `date_trunc('hour', now() - make_interval(hours => $1), 'UTC')`;

/**
 * The shared recent-errors tables. Writes add one instance's counts (never overwrite another's);
 * reads sum the hourly counts of the window, so every instance answers the same.
 */
@Injectable()
export class ErrorLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Adds a flush's groups in one transaction: hours first, so the groups' trigger (which runs on
   * the groups' upsert) announces a 24-hour count that includes them.
   */
  async add(groups: readonly PendingErrorGroup[], instance: string): Promise<void> {
    if (groups.length === 0) return;
    const hours = groups.flatMap((g) =>
      [...g.hours].map(([hour, figures]) => ({
        fingerprint: g.fingerprint,
        hour: new Date(hour).toISOString(),
        count: figures.count,
        total_ms: figures.totalMs,
        max_ms: figures.maxMs,
      })),
    );
    const rows = groups.map((g) => ({
      fingerprint: g.fingerprint,
      service: g.service,
      type: g.type,
      message: g.message,
      count: g.count,
      first_at: new Date(g.firstAt).toISOString(),
      last_at: new Date(g.lastAt).toISOString(),
      last_request_id: g.lastRequestId?.slice(0, 128) ?? null,
      last_route: g.lastRoute?.slice(0, 300) ?? null,
      critical: g.critical,
    }));
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO system_error_hours AS h (fingerprint, hour, count, total_ms, max_ms)
         SELECT fingerprint, hour, count, total_ms, max_ms
           FROM jsonb_to_recordset($1::jsonb) AS x(fingerprint text, hour timestamptz, count bigint, total_ms double precision, max_ms double precision)
          ORDER BY fingerprint, hour
         ON CONFLICT (fingerprint, hour) DO UPDATE
            SET count = h.count + EXCLUDED.count, total_ms = h.total_ms + EXCLUDED.total_ms, max_ms = greatest(h.max_ms, EXCLUDED.max_ms)`,
        [JSON.stringify(hours)],
      );
      // Sorted, so two instances flushing the same groups lock them in one order (no deadlock).
      await manager.query(
        `INSERT INTO system_error_groups AS g (fingerprint, service, type, message, count, first_at, last_at, last_request_id, last_route, last_instance, critical)
         SELECT fingerprint, service, type, message, count, first_at, last_at, last_request_id, last_route, $2, critical
           FROM jsonb_to_recordset($1::jsonb) AS x(fingerprint text, service text, type text, message text, count bigint,
                                                  first_at timestamptz, last_at timestamptz, last_request_id text, last_route text, critical boolean)
          ORDER BY fingerprint
         ON CONFLICT (fingerprint) DO UPDATE SET
           count = g.count + EXCLUDED.count,
           first_at = least(g.first_at, EXCLUDED.first_at),
           critical = g.critical OR EXCLUDED.critical,
           last_at = greatest(g.last_at, EXCLUDED.last_at),
           message = CASE WHEN EXCLUDED.last_at >= g.last_at THEN EXCLUDED.message ELSE g.message END,
           last_request_id = CASE WHEN EXCLUDED.last_at >= g.last_at THEN EXCLUDED.last_request_id ELSE g.last_request_id END,
           last_route = CASE WHEN EXCLUDED.last_at >= g.last_at THEN EXCLUDED.last_route ELSE g.last_route END,
           last_instance = CASE WHEN EXCLUDED.last_at >= g.last_at THEN EXCLUDED.last_instance ELSE g.last_instance END`,
        [JSON.stringify(rows), instance],
      );
    });
  }

  /** Deletes hours and groups older than the retention; any instance may run it, any number of times. */
  async prune(retentionDays: number): Promise<{ hours: number; groups: number }> {
    const [, hours] = (await this.dataSource.query(`DELETE FROM system_error_hours WHERE hour < now() - make_interval(days => $1)`, [retentionDays])) as [
      unknown,
      number,
    ];
    const [, groups] = (await this.dataSource.query(`DELETE FROM system_error_groups WHERE last_at < now() - make_interval(days => $1)`, [retentionDays])) as [
      unknown,
      number,
    ];
    return { hours, groups };
  }

  /** Groups with occurrences in the window, newest first, with the window's count. */
  async list(filter: ErrorGroupFilter): Promise<{ items: SystemErrorGroup[]; totalGroups: number; since: Date }> {
    const rows: (GroupRow & { totalGroups: number; since: Date })[] = await this.dataSource.query(
      `WITH counts AS (
         SELECT fingerprint, sum(count) AS count, sum(total_ms) AS total_ms, max(max_ms) AS max_ms
           FROM system_error_hours WHERE hour >= ${WINDOW_START} GROUP BY fingerprint
       ), matching AS (
         SELECT g.fingerprint, g.service, g.type, g.message, c.count, c.total_ms, c.max_ms, g.first_at, g.last_at,
                g.last_request_id, g.last_route, g.last_instance, g.critical
           FROM counts c JOIN system_error_groups g USING (fingerprint)
          WHERE ($2::text IS NULL OR g.service = $2) AND ($3::boolean IS NULL OR g.critical = $3)
       )
       SELECT m.fingerprint, m.service, m.type, m.message, m.count::text AS count, m.first_at AS "firstAt", m.last_at AS "lastAt",
              m.last_request_id AS "lastRequestId", m.last_route AS "lastRoute", m.last_instance AS "lastInstance", m.critical,
              m.total_ms AS "totalMs", m.max_ms AS "maxMs",
              (SELECT count(*)::int FROM matching) AS "totalGroups", ${WINDOW_START} AS since
         FROM matching m
        ORDER BY m.last_at DESC, m.fingerprint
        LIMIT $4`,
      [filter.hours, filter.service ?? null, filter.critical ?? null, filter.limit],
    );
    if (rows.length === 0) {
      const [empty] = (await this.dataSource.query(
        `SELECT ${WINDOW_START} AS since, (SELECT count(DISTINCT g.fingerprint)::int FROM system_error_hours h JOIN system_error_groups g USING (fingerprint)
           WHERE h.hour >= ${WINDOW_START} AND ($2::text IS NULL OR g.service = $2) AND ($3::boolean IS NULL OR g.critical = $3)) AS "totalGroups"`,
        [filter.hours, filter.service ?? null, filter.critical ?? null],
      )) as { since: Date; totalGroups: number }[];
      return { items: [], totalGroups: empty?.totalGroups ?? 0, since: empty?.since ?? new Date() };
    }
    return {
      items: rows.map(toGroup),
      totalGroups: rows[0]!.totalGroups,
      since: rows[0]!.since,
    };
  }

  /** Critical groups with occurrences in the last `hours` (the status page's headline figure). */
  async countCritical(hours: number): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(DISTINCT h.fingerprint)::int AS n FROM system_error_hours h JOIN system_error_groups g USING (fingerprint)
        WHERE h.hour >= ${WINDOW_START} AND g.critical`,
      [hours],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  /** The API's own slow-statement log over the window, slowest mean first. */
  async slowStatements(hours: number, limit: number): Promise<SlowStatement[]> {
    const rows: { query: string; calls: string; meanMs: number; maxMs: number }[] = await this.dataSource.query(
      `SELECT g.message AS query, sum(h.count)::text AS calls, sum(h.total_ms) / sum(h.count) AS "meanMs", max(h.max_ms) AS "maxMs"
         FROM system_error_hours h JOIN system_error_groups g USING (fingerprint)
        WHERE h.hour >= ${WINDOW_START} AND g.service = 'PostgreSQL' AND g.type = 'Slow query'
        GROUP BY g.fingerprint, g.message
        ORDER BY "meanMs" DESC
        LIMIT $2`,
      [hours, limit],
    );
    return rows.map((r) => ({ query: r.query, calls: Number(r.calls), meanMs: Number(r.meanMs), maxMs: Number(r.maxMs), source: 'api' as const }));
  }
}

function toGroup(row: GroupRow): SystemErrorGroup {
  return {
    fingerprint: row.fingerprint,
    service: row.service,
    type: row.type,
    message: row.message,
    count: Number(row.count),
    firstAt: new Date(row.firstAt).toISOString(),
    lastAt: new Date(row.lastAt).toISOString(),
    lastRequestId: row.lastRequestId,
    lastInstance: row.lastInstance,
    critical: row.critical,
    lastRoute: row.lastRoute,
    durationMs: row.maxMs > 0 ? { mean: Number(row.totalMs) / Number(row.count), max: Number(row.maxMs) } : null,
  };
}
