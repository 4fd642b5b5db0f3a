import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CredentialChangesModule } from '../credential-changes/index.js';
import { ApiKeysModule } from '../api-keys/index.js';
import { OutboxModule } from '../outbox/index.js';
import { UsersModule } from '../users/index.js';
import { AccessTokens } from './access-tokens.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { AuthenticationGuard } from './authentication.guard.js';
import { EmailVerificationTokensRepository } from './email-verification-tokens.repository.js';
import { TrimAccountSecurityRecordsJob } from './account-security.job.js';
import { LoginThrottleRepository } from './login-throttle.repository.js';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';
import { RolesGuard } from './roles.guard.js';

/**
 * Accounts, sessions and API keys. Registers two global guards, authentication then roles.
 * Global guards run in the order their modules are imported: import the rate limiter's module
 * before this one in AppModule so throttling happens before any token is checked.
 */
@Module({
  imports: [CredentialChangesModule, UsersModule, ApiKeysModule, OutboxModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    AccessTokens,
    RefreshTokensRepository,
    EmailVerificationTokensRepository,
    LoginThrottleRepository,
    PasswordResetTokensRepository,
    TrimAccountSecurityRecordsJob,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: RolesGuard },
  ],
  exports: [AuthService],
})
export class AuthModule {}
