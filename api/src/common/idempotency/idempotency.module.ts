import { Global, Module } from '@nestjs/common';
import { ApiInstance } from './api-instance.js';
import { PurgeExpiredIdempotencyKeysJob } from './idempotency-keys.job.js';
import { IdempotencyKeysRepository } from './idempotency-keys.repository.js';
import { IdempotencyInterceptor } from './idempotency.interceptor.js';

/** Global so any module's controller can mark a route `@Idempotent()`. */
@Global()
@Module({
  providers: [ApiInstance, IdempotencyKeysRepository, IdempotencyInterceptor, PurgeExpiredIdempotencyKeysJob],
  exports: [ApiInstance, IdempotencyKeysRepository, IdempotencyInterceptor],
})
export class IdempotencyModule {}
