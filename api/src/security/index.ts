export { SecurityModule } from './security.module.js';
export { AuthRateLimit } from './auth-rate-limit.decorator.js';
export { RateLimitGuard } from './rate-limit.guard.js';
export { RateLimitTier } from './rate-limit-tiers.js';
