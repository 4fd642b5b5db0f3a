import { Injectable, Logger } from '@nestjs/common';
import { Cron, CronExpression } from '@nestjs/schedule';
import { AppConfig } from '../config/index.js';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository.js';
import { EmailVerificationTokensRepository } from './email-verification-tokens.repository.js';
import { LoginThrottleRepository } from './login-throttle.repository.js';

/**
 * Hourly trimming of the account-security tables: sign-in failure series that are over, and
 * verification links long spent. Any instance may run it at the same time: the DELETEs are idempotent.
 */
@Injectable()
export class TrimAccountSecurityRecordsJob {
  private readonly logger = new Logger(TrimAccountSecurityRecordsJob.name);

  constructor(
    private readonly config: AppConfig,
    private readonly loginThrottle: LoginThrottleRepository,
    private readonly verificationTokens: EmailVerificationTokensRepository,
    private readonly resetTokens: PasswordResetTokensRepository,
  ) {}

  @Cron(CronExpression.EVERY_HOUR, { name: 'trim-account-security-records' })
  async run(): Promise<void> {
    try {
      const series = await this.loginThrottle.forgetQuietSeries(this.config.values.loginFailureWindowSeconds);
      const links = await this.verificationTokens.purgeSpent();
      const resets = await this.resetTokens.purgeSpent();
      if (series || links || resets) {
        this.logger.log(`Forgot ${series} finished sign-in failure series, ${links} spent verification links and ${resets} spent password-reset links`);
      }
    } catch (error) {
      this.logger.error(`Trimming account-security records failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
