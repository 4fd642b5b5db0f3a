/** Safe retries for POSTs that create bookings or money: `@Idempotent()` on the route. */
export { IdempotencyModule } from './idempotency.module.js';
export { Idempotent, type IdempotentOptions } from './idempotent.decorator.js';
export { IdempotencyKey } from './idempotency-key.decorator.js';
export { IdempotencyException, type IdempotencyErrorCode } from './idempotency.exception.js';
export { REPLAYED_HEADER } from './idempotency.interceptor.js';
