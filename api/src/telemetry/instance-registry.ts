import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ACTIVE_USER_WINDOW_MS, type ActiveUsers, type ApiInstancesCard, type ApiInstanceStatus, type RouteFigures } from '@aiparksit/shared';
import { mergeActiveUsers, type ActiveUsersReport } from './active-users.js';
import { InstanceHeartbeat, type InstanceSnapshot } from './instance-heartbeat.js';
import { emptyFigures, mergeInto, quantileMs, type WindowFigures } from './latency-window.js';
import { RequestTelemetry } from './request-telemetry.js';

/** One query answers the three readers of one status snapshot. */
const ROWS_TTL_MS = 1000;
/** A cleanly stopped instance stays on the card this long (a crashed one until it is replaced or 24 h pass). */
const STOPPED_SHOWN_MS = 10 * 60_000;

interface InstanceRow {
  id: string;
  host: string;
  pid: number;
  port: number;
  version: string;
  startedAt: Date;
  heartbeatAt: Date;
  stoppedAt: Date | null;
  snapshot: Partial<InstanceSnapshot>;
  restarts: number;
  superseded: boolean;
  down: boolean;
  stoppedAgoMs: number | null;
}

/**
 * The API instances as the heartbeat rows show them, for the status page: the card, active
 * users and per-route figures merged across every running instance. This instance's own request
 * figures and users are read live rather than from its row, which may be a period old.
 */
@Injectable()
export class InstanceRegistry {
  private cache: { at: number; rows: Promise<InstanceRow[]> } | undefined;

  constructor(
    private readonly dataSource: DataSource,
    private readonly heartbeat: InstanceHeartbeat,
    private readonly requests: RequestTelemetry,
  ) {}

  /** This process's id in `api_instances`. */
  get instanceId(): string {
    return this.heartbeat.id;
  }

  async apiCard(): Promise<ApiInstancesCard> {
    const now = Date.now();
    const rows = (await this.rows()).filter((r) => !r.superseded && (!r.down || r.stoppedAt === null || (r.stoppedAgoMs ?? 0) < STOPPED_SHOWN_MS));
    const instances = rows.map((row) => this.statusOf(row, now));
    const running = instances.filter((i) => i.state === 'running');
    const lost = instances.filter((i) => i.state === 'down' && i.stoppedAt === null);
    const state = running.length === 0 ? 'down' : lost.length ? 'degraded' : 'running';
    const reason =
      state === 'down'
        ? 'No API instance has sent a heartbeat recently.'
        : lost.length
          ? `${lost.length} instance${lost.length === 1 ? '' : 's'} stopped sending heartbeats without shutting down: ${lost.map((i) => `${i.host}:${i.port} (pid ${i.pid})`).join(', ')}.`
          : null;
    return {
      state,
      reason,
      uptimeSeconds: running.length ? Math.max(...running.map((i) => i.uptimeSeconds)) : null,
      instances,
      requestsPerMinute: running.reduce((sum, i) => sum + i.requestsPerMinute, 0),
      serverErrorsPerMinute: running.reduce((sum, i) => sum + i.serverErrorsPerMinute, 0),
    };
  }

  /** Distinct accounts active in the last 5 minutes across the running instances. */
  async activeUsers(): Promise<ActiveUsers> {
    const reports: ActiveUsersReport[] = [await this.heartbeat.activeUsersReport()];
    for (const row of await this.rows()) {
      if (row.id !== this.heartbeat.id && !row.down && row.snapshot.activeUsers) reports.push(row.snapshot.activeUsers);
    }
    return { ...mergeActiveUsers(reports), windowSeconds: ACTIVE_USER_WINDOW_MS / 1000 };
  }

  /** Every API endpoint of the router, with its last minute summed over the running instances. */
  async routes(): Promise<RouteFigures[]> {
    const merged = new Map<string, { method: string; route: string; figures: WindowFigures }>();
    const add = (method: string, route: string, figures?: WindowFigures) => {
      const key = `${method} ${route}`;
      let entry = merged.get(key);
      if (!entry) merged.set(key, (entry = { method, route, figures: emptyFigures() }));
      if (figures) mergeInto(entry.figures, figures);
    };
    for (const { method, route } of this.requests.apiEndpoints()) add(method, route);
    for (const r of this.requests.routeFigures()) if (r.route.startsWith('/api/')) add(r.method, r.route, r);
    for (const row of await this.rows()) {
      if (row.id === this.heartbeat.id || row.down) continue;
      for (const r of row.snapshot.routes ?? []) if (typeof r.route === 'string' && r.route.startsWith('/api/')) add(r.method, r.route, r);
    }
    return [...merged.values()].map(({ method, route, figures }) => ({
      method,
      route,
      requestsPerMinute: figures.requests,
      p95Ms: quantileMs(figures.buckets, 0.95),
      errorPercent: figures.requests ? Math.round((figures.serverErrors / figures.requests) * 1000) / 10 : 0,
    }));
  }

  /** API endpoints the router serves (methods × patterns under /api, the OpenAPI pages aside). */
  apiEndpointCount(): number {
    return this.requests.apiEndpoints().length;
  }

  private statusOf(row: InstanceRow, now: number): ApiInstanceStatus {
    const self = row.id === this.heartbeat.id;
    const requests = self ? this.requests.instanceFigures(now) : (row.snapshot.requests ?? emptyFigures());
    const process = row.snapshot.process;
    return {
      id: row.id,
      host: row.host,
      pid: row.pid,
      port: row.port,
      version: row.version,
      startedAt: row.startedAt.toISOString(),
      lastHeartbeatAt: row.heartbeatAt.toISOString(),
      state: row.down ? 'down' : 'running',
      stoppedAt: row.stoppedAt?.toISOString() ?? null,
      restarts: row.restarts,
      uptimeSeconds: Math.max(0, Math.round(((row.down ? row.heartbeatAt.getTime() : now) - row.startedAt.getTime()) / 1000)),
      cpuPercent: process?.cpuPercent ?? 0,
      memory: process?.memory ?? { rssBytes: 0, heapUsedBytes: 0, heapTotalBytes: 0 },
      eventLoopDelayP99Ms: process?.eventLoopDelayP99Ms ?? 0,
      requestsPerMinute: requests.requests,
      p95LatencyMs: quantileMs(requests.buckets, 0.95),
      serverErrorsPerMinute: requests.serverErrors,
      self,
    };
  }

  private rows(): Promise<InstanceRow[]> {
    const now = Date.now();
    if (!this.cache || now - this.cache.at > ROWS_TTL_MS) {
      const rows = this.load();
      this.cache = { at: now, rows };
      // A failed read is not remembered: the next reader asks again.
      rows.catch(() => (this.cache = undefined));
    }
    return this.cache.rows;
  }

  private async load(): Promise<InstanceRow[]> {
    // "Down" on the database's clock, against each writer's own period.
    const rows = await this.dataSource.query<Array<Record<string, unknown>>>(
      `SELECT i.id, i.host, i.pid, i.port, i.version, i.started_at, i.heartbeat_at, i.stopped_at, i.snapshot,
              (i.stopped_at IS NOT NULL OR i.heartbeat_at < now() - make_interval(secs => 3 * i.heartbeat_ms / 1000.0)) AS down,
              (extract(epoch FROM now() - i.stopped_at) * 1000)::float8 AS stopped_ago_ms,
              (SELECT count(*) FROM api_instances e
                WHERE e.host = i.host AND e.port = i.port AND e.started_at < i.started_at
                  AND e.started_at > now() - interval '24 hours')::int AS restarts,
              EXISTS (SELECT 1 FROM api_instances l WHERE l.host = i.host AND l.port = i.port AND l.started_at > i.started_at) AS superseded
         FROM api_instances i
        WHERE i.heartbeat_at > now() - interval '24 hours'
        ORDER BY i.started_at`,
    );
    return rows.map((r) => ({
      id: String(r['id']),
      host: String(r['host']),
      pid: Number(r['pid']),
      port: Number(r['port']),
      version: String(r['version']),
      startedAt: new Date(r['started_at'] as string),
      heartbeatAt: new Date(r['heartbeat_at'] as string),
      stoppedAt: r['stopped_at'] ? new Date(r['stopped_at'] as string) : null,
      snapshot: (r['snapshot'] ?? {}) as Partial<InstanceSnapshot>,
      restarts: Number(r['restarts']),
      superseded: r['superseded'] === true,
      down: r['down'] === true,
      stoppedAgoMs: r['stopped_ago_ms'] === null ? null : Number(r['stopped_ago_ms']),
    }));
  }
}
