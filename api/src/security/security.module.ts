import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule, type ThrottlerStorage } from '@nestjs/throttler';
import { ApiKeysModule } from '../api-keys/index.js';
import { AppConfig } from '../config/index.js';
import { RATE_LIMIT_STORAGE, rateLimitStorageProvider } from './rate-limit-storage.provider.js';
import { RateLimitGuard } from './rate-limit.guard.js';
import { tierLimitsFromConfig } from './rate-limit-tiers.js';

@Module({ providers: [rateLimitStorageProvider], exports: [rateLimitStorageProvider] })
class RateLimitStorageModule {}

/**
 * Rate limiting for every HTTP route: the named tiers with limits from configuration, counted in
 * Redis or in memory. Its guard must run before authentication, so an attacker's failed logins
 * are counted before any password is checked.
 */
@Module({
  imports: [
    ApiKeysModule,
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [AppConfig, RATE_LIMIT_STORAGE],
      useFactory: (config: AppConfig, storage: ThrottlerStorage) => ({ throttlers: tierLimitsFromConfig(config.values), storage }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }],
})
export class SecurityModule {}
