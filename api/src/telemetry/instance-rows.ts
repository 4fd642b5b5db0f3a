import { ACTIVE_USER_WINDOW_MS, type ActiveUsers, type ApiInstancesCard, type ApiInstanceStatus, type RouteFigures } from '@aiparksit/shared';
import { mergeActiveUsers, type ActiveUsersReport } from './active-users.js';
import { emptyFigures, mergeInto, quantileMs, type WindowFigures } from './latency-window.js';
import type { ProcessFigures } from './process-sampler.js';

/** A cleanly stopped instance stays on the card this long (a crashed one until it is replaced or 24 h pass). */
const STOPPED_SHOWN_MS = 10 * 60_000;

export interface RouteWindowFigures extends WindowFigures {
  method: string;
  route: string;
}

/** What an instance writes into its row's `snapshot` every period. */
export interface InstanceSnapshot {
  process: ProcessFigures;
  requests: WindowFigures;
  routes: RouteWindowFigures[];
  activeUsers: ActiveUsersReport;
}

export interface InstanceRow {
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
  /** A later instance started on the same host and port: this one's restart replaced it. */
  superseded: boolean;
  down: boolean;
  stoppedAgoMs: number | null;
}

/** The reader's own figures, fresher than its row (which may be a period old). */
export interface LiveFigures {
  id: string;
  requests: WindowFigures;
  routes: RouteWindowFigures[];
  endpoints: ReadonlyArray<{ method: string; route: string }>;
  activeUsers: ActiveUsersReport;
}

// "Down" on the database's clock, against each writer's own period.
export const INSTANCE_ROWS_SQL = `
  SELECT i.id, i.host, i.pid, i.port, i.version, i.started_at, i.heartbeat_at, i.stopped_at, i.snapshot,
         (i.stopped_at IS NOT NULL OR i.heartbeat_at < now() - make_interval(secs => 3 * i.heartbeat_ms / 1000.0)) AS down,
         (extract(epoch FROM now() - i.stopped_at) * 1000)::float8 AS stopped_ago_ms,
         (SELECT count(*) FROM api_instances e
           WHERE e.host = i.host AND e.port = i.port AND e.started_at < i.started_at
             AND e.started_at > now() - interval '24 hours')::int AS restarts,
         EXISTS (SELECT 1 FROM api_instances l WHERE l.host = i.host AND l.port = i.port AND l.started_at > i.started_at) AS superseded
    FROM api_instances i
   WHERE i.heartbeat_at > now() - interval '24 hours'
   ORDER BY i.started_at`;

export function toInstanceRow(r: Record<string, unknown>): InstanceRow {
  return {
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
    stoppedAgoMs: r['stopped_ago_ms'] === null || r['stopped_ago_ms'] === undefined ? null : Number(r['stopped_ago_ms']),
  };
}

/**
 * The card: every instance not replaced by a restart on its host and port, running or down. A
 * crashed one (no `stopped_at`) makes the card degraded; a clean stop is a choice and does not,
 * and leaves the card after ten minutes.
 */
export function apiCardOf(rows: InstanceRow[], live: Pick<LiveFigures, 'id' | 'requests'>, now = Date.now()): ApiInstancesCard {
  const shown = rows.filter((r) => !r.superseded && (!r.down || r.stoppedAt === null || (r.stoppedAgoMs ?? 0) < STOPPED_SHOWN_MS));
  const instances = shown.map((row) => statusOf(row, live, now));
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

function statusOf(row: InstanceRow, live: Pick<LiveFigures, 'id' | 'requests'>, now: number): ApiInstanceStatus {
  const self = row.id === live.id;
  const requests = self ? live.requests : (row.snapshot.requests ?? emptyFigures());
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

/** Distinct accounts over the reader and the other running instances. */
export function activeUsersOf(rows: InstanceRow[], live: Pick<LiveFigures, 'id' | 'activeUsers'>): ActiveUsers {
  const reports: ActiveUsersReport[] = [live.activeUsers];
  for (const row of rows) if (row.id !== live.id && !row.down && row.snapshot.activeUsers) reports.push(row.snapshot.activeUsers);
  return { ...mergeActiveUsers(reports), windowSeconds: ACTIVE_USER_WINDOW_MS / 1000 };
}

/** Every API endpoint the reader's router serves, plus any route with traffic, summed over the running instances. */
export function routesOf(rows: InstanceRow[], live: Pick<LiveFigures, 'id' | 'routes' | 'endpoints'>): RouteFigures[] {
  const merged = new Map<string, { method: string; route: string; figures: WindowFigures }>();
  const add = (method: string, route: string, figures?: WindowFigures) => {
    const key = `${method} ${route}`;
    let entry = merged.get(key);
    if (!entry) merged.set(key, (entry = { method, route, figures: emptyFigures() }));
    if (figures) mergeInto(entry.figures, figures);
  };
  for (const { method, route } of live.endpoints) add(method, route);
  for (const r of live.routes) if (r.route.startsWith('/api/')) add(r.method, r.route, r);
  for (const row of rows) {
    if (row.id === live.id || row.down) continue;
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
