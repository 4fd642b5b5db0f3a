import { Logger, type Provider } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { AppConfig } from '../config/index.js';
import { MemoryThrottlerStorage } from './memory-throttler-storage.js';
import { RedisThrottlerStorage } from './redis-throttler-storage.js';

export const RATE_LIMIT_STORAGE = Symbol('RATE_LIMIT_STORAGE');

/** Counters in Redis when REDIS_URL is set (shared by all instances), else in this process's memory. */
export const rateLimitStorageProvider: Provider = {
  provide: RATE_LIMIT_STORAGE,
  inject: [AppConfig],
  useFactory: async (config: AppConfig): Promise<ThrottlerStorage> => {
    const memory = new MemoryThrottlerStorage({ maxKeys: config.values.throttleMemoryMaxKeys });
    const url = config.values.redisUrl;
    if (!url) return memory;
    const logger = new Logger('RateLimit');
    const redis = new RedisThrottlerStorage({ url, fallback: memory, warn: (message) => logger.warn(message) });
    // Start without Redis rather than not at all; it is used as soon as it answers.
    if (!(await redis.waitUntilReady(5000))) logger.warn('Redis for rate limits did not answer within 5 s; counting in memory until it does.');
    return redis;
  },
};
