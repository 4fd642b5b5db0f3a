import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config/index.js';
import { ReportSubscriptionsService } from './report-subscriptions.service.js';

const JOB_NAME = 'report-subscriptions';
/** Subscriptions one transaction claims; a round keeps going while batches come back full. */
const BATCH_SIZE = 50;

/**
 * Every REPORT_SUBSCRIPTIONS_INTERVAL_MS, queues the monthly emails that are due. Every API
 * instance runs it; SKIP LOCKED and the per-month key keep each month's email to one.
 */
@Injectable()
export class ReportSubscriptionsJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ReportSubscriptionsJob.name);
  private running = false;

  constructor(
    private readonly subscriptions: ReportSubscriptionsService,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => void this.run(), this.config.values.reportSubscriptionsIntervalMs);
    timer.unref();
    this.scheduler.addInterval(JOB_NAME, timer);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', JOB_NAME)) this.scheduler.deleteInterval(JOB_NAME);
  }

  async run(): Promise<void> {
    if (this.running) return; // the previous round is still going: skip, do not pile up
    this.running = true;
    try {
      for (;;) {
        const { claimed } = await this.subscriptions.enqueueDue(BATCH_SIZE);
        if (claimed < BATCH_SIZE) return;
      }
    } catch (error) {
      // The database may be briefly away; the next interval tries again.
      this.logger.error(`Monthly report round failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
