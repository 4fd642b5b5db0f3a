import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { AppConfig } from '../config/index.js';
import { ForecastFitService, type ForecastFitRun } from './forecast-fit.service.js';

/** Every night at 03:30 UTC: after the evening's bookings, before Europe's morning and after the Americas' evening. */
export const FORECAST_FIT_CRON = '30 3 * * *';

/**
 * Fits the occupancy forecasts of every facility nightly, and at start-up when the newest fit is
 * missing or over a day old (a fresh database, or nights the API was down). Every instance runs
 * it; the first to take the advisory lock fits, the others answer `busy` or find nothing due.
 */
@Injectable()
export class ForecastFitJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(ForecastFitJob.name);
  private running: Promise<ForecastFitRun | undefined> | undefined;

  constructor(
    private readonly forecasts: ForecastFitService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.values.forecastFitOnStart) void this.runIfStale();
  }

  @Cron(FORECAST_FIT_CRON, { name: 'occupancy-forecast-fit', timeZone: 'UTC' })
  async nightly(): Promise<void> {
    await this.run();
  }

  /** A run, unless some fit is under a day old. */
  async runIfStale(now = new Date()): Promise<ForecastFitRun | undefined> {
    try {
      if (await this.forecasts.hasFreshFit(now)) return undefined;
    } catch (error) {
      this.logger.error(`Occupancy forecast check failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
    return this.run(now);
  }

  /** One run now; undefined when it failed (logged) or one of this instance's is still going. */
  run(now = new Date()): Promise<ForecastFitRun | undefined> {
    if (this.running) return Promise.resolve(undefined);
    this.running = this.fit(now).finally(() => (this.running = undefined));
    return this.running;
  }

  private async fit(now: Date): Promise<ForecastFitRun | undefined> {
    try {
      const run = await this.forecasts.fitDue(now);
      if (run.outcome === 'busy') this.logger.log('Occupancy forecasts are being fitted by another instance');
      else {
        const failed = run.failed ? ` (${run.failed} failed)` : '';
        this.logger.log(`Fitted the occupancy forecasts of ${run.facilities} facilities and ${run.types} of their space types in ${run.ms} ms${failed}`);
      }
      return run;
    } catch (error) {
      // The database may be away: the next night, or the next start-up, tries again.
      this.logger.error(`Fitting occupancy forecasts failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
