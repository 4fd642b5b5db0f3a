import { Logger, type Provider } from '@nestjs/common';
import type { HarvestPolicy } from './harvest-policy.js';
import { AppConfig } from '../config/index.js';
import type { HarvestStore } from './harvest-store.js';
import { HARVEST_POLICY, HARVEST_STORE } from './harvest.tokens.js';
import { MemoryHarvestStore } from './memory-harvest-store.js';
import { RedisHarvestStore } from './redis-harvest-store.js';

/** Reads and blocks in Redis when REDIS_URL is set (shared by all instances), else in this process's memory. */
export const harvestStoreProvider: Provider = {
  provide: HARVEST_STORE,
  inject: [AppConfig, HARVEST_POLICY],
  useFactory: async (config: AppConfig, policy: HarvestPolicy): Promise<HarvestStore & { kind: 'redis' | 'memory' }> => {
    const memory = Object.assign(
      new MemoryHarvestStore({
        maxEntries: config.values.harvestMemoryMaxEntries,
        // A block is a few dozen bytes; one per client the read cap could hold at the lowest limit.
        maxBlockedClients: Math.max(1000, Math.ceil(config.values.harvestMemoryMaxEntries / 10)),
      }),
      { kind: 'memory' as const },
    );
    const url = config.values.redisUrl;
    if (!url || !policy.enabled) return memory;
    const logger = new Logger('Harvest');
    const redis = Object.assign(new RedisHarvestStore({ url, fallback: memory, warn: (message) => logger.warn(message) }), { kind: 'redis' as const });
    // Start without Redis rather than not at all; it is used as soon as it answers.
    if (!(await redis.waitUntilReady(5000))) logger.warn('Redis for the harvest guard did not answer within 5 s; counting in memory until it does.');
    return redis;
  },
};
