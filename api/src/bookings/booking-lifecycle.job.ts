import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config/index.js';
import { BookingsRepository } from './bookings.repository.js';

const JOB_NAME = 'booking-lifecycle';

export interface LifecycleRound {
  expiredHolds: number;
  lapsedExtensions: number;
  completed: number;
}

/**
 * Every BOOKING_JOBS_INTERVAL_SECONDS: lapsed holds are released, lapsed extension holds give their
 * time back, finished bookings become `completed`. Each step is one statement over rows taken
 * with SKIP LOCKED, so N API instances can run it at once without double work or waiting.
 */
@Injectable()
export class BookingLifecycleJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(BookingLifecycleJob.name);
  private running: Promise<LifecycleRound | undefined> | undefined;

  constructor(
    private readonly bookings: BookingsRepository,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => void this.run(), this.config.values.bookingJobsIntervalSeconds * 1000);
    timer.unref();
    this.scheduler.addInterval(JOB_NAME, timer);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', JOB_NAME)) this.scheduler.deleteInterval(JOB_NAME);
  }

  /** One round now, after the one in progress if any (the admin's "release lapsed holds now"). */
  async runNow(): Promise<LifecycleRound | undefined> {
    while (this.running) await this.running;
    return this.run();
  }

  run(): Promise<LifecycleRound | undefined> {
    if (this.running) return Promise.resolve(undefined); // the previous round is still going: skip, do not pile up
    this.running = this.round().finally(() => (this.running = undefined));
    return this.running;
  }

  private async round(): Promise<LifecycleRound | undefined> {
    try {
      const expiredHolds = await this.bookings.releaseExpiredHolds();
      const lapsedExtensions = await this.bookings.releaseLapsedExtensionHolds();
      const completed = await this.bookings.completeFinished();
      if (expiredHolds || lapsedExtensions || completed) {
        this.logger.log(`Released ${expiredHolds} lapsed holds and ${lapsedExtensions} lapsed extensions; completed ${completed} bookings`);
      }
      return { expiredHolds, lapsedExtensions, completed };
    } catch (error) {
      this.logger.error(`Booking lifecycle round failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
