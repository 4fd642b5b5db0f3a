import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { HealthReport } from '@aiparksit/shared';
import { APP_VERSION, STARTED_AT } from '../common/index.js';

const DB_PROBE_TIMEOUT_MS = 2000;

@Injectable()
export class HealthService {
  constructor(private readonly dataSource: DataSource) {}

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
