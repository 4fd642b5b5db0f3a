export * from './roles.js';
export * from './auth.js';
export * from './errors.js';
export * from './health.js';
export * from './realtime.js';
export * from './pricing.js';
