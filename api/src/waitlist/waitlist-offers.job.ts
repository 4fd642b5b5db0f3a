import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config/index.js';
import { WaitlistRepository } from './waitlist.repository.js';

const JOB_NAME = 'waitlist-offers';
/** Lines served per round; a busier moment finishes in the next rounds. */
const LINES_PER_ROUND = 200;

export interface WaitlistRound {
  lines: number;
  offers: number;
}

/**
 * Every WAITLIST_OFFER_INTERVAL_MS: settles offers (paid → booked, lapsed → lapsed), then gives
 * each space that freed to the first in line whose window it fits, with a hold of
 * WAITLIST_HOLD_MINUTES and an email. Each line is served by one instance at a time, in order
 * (an advisory lock inside `waitlist_offer`), so N API instances can run it at once.
 */
@Injectable()
export class WaitlistOffersJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WaitlistOffersJob.name);
  private running: Promise<WaitlistRound | undefined> | undefined;

  constructor(
    private readonly repository: WaitlistRepository,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const timer = setInterval(() => void this.run(), this.config.values.waitlistOfferIntervalMs);
    timer.unref();
    this.scheduler.addInterval(JOB_NAME, timer);
  }

  onApplicationShutdown(): void {
    if (this.scheduler.doesExist('interval', JOB_NAME)) this.scheduler.deleteInterval(JOB_NAME);
  }

  run(): Promise<WaitlistRound | undefined> {
    if (this.running) return Promise.resolve(undefined); // the previous round is still going
    this.running = this.round().finally(() => (this.running = undefined));
    return this.running;
  }

  private async round(): Promise<WaitlistRound | undefined> {
    try {
      await this.repository.settle();
      const lines = await this.repository.linesWithFreeSpace(LINES_PER_ROUND);
      let offers = 0;
      for (const line of lines) {
        offers += (await this.repository.offer(line.facilityId, line.spaceType, this.config.values.waitlistHoldMinutes)).length;
      }
      if (offers) this.logger.log(`Offered ${offers} freed spaces to waitlists (${lines.length} lines)`);
      return { lines: lines.length, offers };
    } catch (error) {
      this.logger.error(`Waitlist round failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }
}
