import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';

/** Keys are kept 24 hours; expired ones are purged hourly (any instance may do it: DELETE is idempotent). */
@Injectable()
export class PurgeExpiredIdempotencyKeysJob {
  private readonly logger = new Logger(PurgeExpiredIdempotencyKeysJob.name);

  constructor(private readonly keys: IdempotencyKeysRepository) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'purge-expired-idempotency-keys' })
  async run(): Promise<void> {
    try {
      const purged = await this.keys.purgeExpired();
      if (purged) this.logger.log(`Purged ${purged} expired idempotency keys`);
    } catch (error) {
      this.logger.error(`Purging idempotency keys failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
