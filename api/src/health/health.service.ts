import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { HealthReport } from '@aiparksit/shared';
import { APP_VERSION, STARTED_AT } from '../common/index.js';
import { RealtimeStats } from '../realtime/index.js';
import { migrations } from '../../../migrations/index.js';

const DB_PROBE_TIMEOUT_MS = 2000;

export interface ReadinessCheck {
  ok: boolean;
  /** What is wrong, when not ok. */
  detail: string | null;
}

export interface ReadinessReport {
  status: 'ready' | 'not_ready';
  /** The names of the checks that failed. */
  failed: Array<'database' | 'migrations' | 'listener'>;
  checks: { database: ReadinessCheck; migrations: ReadinessCheck; listener: ReadinessCheck };
  version: string;
  time: string;
}

@Injectable()
export class HealthService {
  /** The migrations this build knows, by the name TypeORM records in schema_migrations. */
  private readonly expectedMigrations = migrations.map((migration) => new migration().name ?? migration.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly realtime: RealtimeStats,
  ) {}

  async report(): Promise<HealthReport> {
    const started = performance.now();
    const dbUp = await this.probeDatabase();
    return {
      status: dbUp ? 'ok' : 'degraded',
      db: dbUp ? 'up' : 'down',
      dbLatencyMs: dbUp ? Math.round((performance.now() - started) * 100) / 100 : null,
      version: APP_VERSION,
      uptimeSeconds: Math.round((Date.now() - STARTED_AT) / 1000),
      time: new Date().toISOString(),
    };
  }

  /**
   * For load balancers: the database answers, every migration of this build is applied (a newer
   * build's extra migrations do not count against an older one), and the LISTEN connection that
   * carries real-time events is up. Each check says what failed.
   */
  async readiness(): Promise<ReadinessReport> {
    const listening = this.realtime.snapshot().listener.connected;
    const pending = await this.withDeadline(
      this.dataSource.query<Array<{ name: string }>>('SELECT name FROM schema_migrations').then((rows) => {
        const applied = new Set(rows.map((row) => row.name));
        return this.expectedMigrations.filter((name) => !applied.has(name));
      }),
    );
    const checks: ReadinessReport['checks'] = {
      database: pending === undefined ? { ok: false, detail: 'PostgreSQL did not answer.' } : { ok: true, detail: null },
      migrations:
        pending === undefined
          ? { ok: false, detail: 'Unknown: the database did not answer.' }
          : pending.length
            ? { ok: false, detail: `Not applied: ${pending.join(', ')}.` }
            : { ok: true, detail: null },
      listener: listening ? { ok: true, detail: null } : { ok: false, detail: 'The LISTEN connection for real-time events is not connected.' },
    };
    const failed = (Object.keys(checks) as Array<keyof typeof checks>).filter((name) => !checks[name].ok);
    return { status: failed.length ? 'not_ready' : 'ready', failed, checks, version: APP_VERSION, time: new Date().toISOString() };
  }

  private async withDeadline<T>(work: Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), DB_PROBE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([work.catch(() => undefined), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** `SELECT 1` within a deadline: a hung pool must read as down, not as a hung health check. */
  private async probeDatabase(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), DB_PROBE_TIMEOUT_MS);
    });
    const probe = this.dataSource
      .query('SELECT 1')
      .then(() => true)
      .catch(() => false);
    try {
      return await Promise.race([probe, deadline]);
    } finally {
      clearTimeout(timer);
    }
  }
}
