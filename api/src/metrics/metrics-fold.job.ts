import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { DataSource } from 'typeorm';

const JOB_NAME = 'metrics-fold';
/** Writers add into rows of their own slot; a minute's slots are a few hundred rows to fold. */
const FOLD_INTERVAL_MS = 60_000;

/**
 * Every minute: `metrics_fold_rollups()` moves the per-writer slots of the platform rollup rows
 * into slot 0 (readers sum over slots, so this only keeps the tables compact). It takes a
 * try-lock and skips rows an open transaction holds, so several API instances never wait.
 */
@Injectable()
export class MetricsFoldJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsFoldJob.name);
  private running = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => void this.run(), FOLD_INTERVAL_MS);
    timer.unref();
    this.scheduler.addInterval(JOB_NAME, timer);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', JOB_NAME)) this.scheduler.deleteInterval(JOB_NAME);
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      await this.dataSource.query('SELECT metrics_fold_rollups()');
    } catch (error) {
      this.logger.error(`Metrics fold failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
