import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isRole, type Role } from '@aiparksit/shared';
import { APP_VERSION } from '../common/index.js';
import { AppConfig } from '../config/index.js';
import { RealtimeHub } from '../realtime/index.js';
import { reportActiveUsers, type ActiveUsersReport } from './active-users.js';
import type { InstanceSnapshot } from './instance-rows.js';
import { ProcessSampler } from './process-sampler.js';
import { RequestTelemetry } from './request-telemetry.js';

/** Rows whose last heartbeat is older than this are deleted. */
const RETENTION = '24 hours';
const PRUNE_EVERY_MS = 60_000;
/** Roles of key owners remembered; past it the memory starts again (a lookup is one query). */
const ROLE_CACHE_MAX = 10_000;

/**
 * This process in the `api_instances` registry: a row upserted every INSTANCE_HEARTBEAT_MS with
 * its figures, `stopped_at` set on a clean shutdown. A process that dies without it (kill -9,
 * power) simply stops beating, and readers see it as down after three periods.
 */
@Injectable()
export class InstanceHeartbeat implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly id = randomUUID();
  readonly startedAt = new Date();
  readonly host = hostname();
  private readonly logger = new Logger('InstanceHeartbeat');
  private readonly sampler = new ProcessSampler();
  private readonly roleOf = new Map<string, Role>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private beating: Promise<void> | undefined;
  private lastPruneAt = 0;
  private failing = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly requests: RequestTelemetry,
    private readonly hub: RealtimeHub,
    private readonly config: AppConfig,
  ) {}

  get periodMs(): number {
    return this.config.values.instanceHeartbeatMs;
  }

  async onApplicationBootstrap(): Promise<void> {
    // The first row before the port opens: a second instance's page lists this one at once.
    await this.beatOnce();
    this.timer = setInterval(() => void this.beatOnce(), this.periodMs);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.sampler.stop();
    await this.beating;
    await this.dataSource
      .query(`UPDATE api_instances SET stopped_at = now(), heartbeat_at = now() WHERE id = $1`, [this.id])
      .catch((error: unknown) => this.logger.warn(`Could not record the stop: ${messageOf(error)}`));
  }

  /** Who is active on this instance now, roles of key owners resolved (one query for the unknown ones). */
  async activeUsersReport(now = Date.now()): Promise<ActiveUsersReport> {
    const requests = this.requests.activeUsers.recent(now);
    const sockets = this.hub.socketAudience();
    const unknown = [...requests, ...sockets.users].filter((u) => !u.role && !this.roleOf.has(u.userId)).map((u) => u.userId);
    if (unknown.length) {
      const rows = await this.dataSource.query<Array<{ id: string; role: string }>>(`SELECT id, role::text AS role FROM users WHERE id = ANY($1::uuid[])`, [
        [...new Set(unknown)],
      ]);
      if (this.roleOf.size + rows.length > ROLE_CACHE_MAX) this.roleOf.clear();
      for (const row of rows) if (isRole(row.role)) this.roleOf.set(row.id, row.role);
      this.requests.activeUsers.learnRoles(this.roleOf);
    }
    return reportActiveUsers(requests, sockets, this.roleOf);
  }

  private beatOnce(): Promise<void> {
    // One write at a time: a slow database must not pile heartbeats up behind each other.
    if (this.beating) return this.beating;
    this.beating = this.beat()
      .then(() => {
        if (this.failing) this.logger.log('Heartbeats are written again.');
        this.failing = false;
      })
      .catch((error: unknown) => {
        if (!this.failing) this.logger.warn(`Heartbeat not written: ${messageOf(error)}`);
        this.failing = true;
      })
      .finally(() => (this.beating = undefined));
    return this.beating;
  }

  private async beat(): Promise<void> {
    const now = Date.now();
    const snapshot: InstanceSnapshot = {
      process: this.sampler.sample(),
      requests: this.requests.instanceFigures(now),
      routes: this.requests.routeFigures(now),
      activeUsers: await this.activeUsersReport(now),
    };
    await this.dataSource.query(
      `INSERT INTO api_instances (id, host, pid, port, version, heartbeat_ms, started_at, snapshot)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)
       ON CONFLICT (id) DO UPDATE SET heartbeat_at = now(), snapshot = EXCLUDED.snapshot, heartbeat_ms = EXCLUDED.heartbeat_ms`,
      [this.id, this.host, process.pid, this.config.values.port, APP_VERSION, this.periodMs, this.startedAt, JSON.stringify(snapshot)],
    );
    if (now - this.lastPruneAt >= PRUNE_EVERY_MS) {
      this.lastPruneAt = now;
      await this.dataSource.query(`DELETE FROM api_instances WHERE heartbeat_at < now() - interval '${RETENTION}'`);
    }
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
