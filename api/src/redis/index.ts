/**
 * The Redis connection the rate limiter and the harvesting guard share when REDIS_URL is set. No
 * Nest providers here: the stores that use it are plain classes, loaded by their tests as they are.
 */
export { FailSafeRedis } from './fail-safe-redis.js';
