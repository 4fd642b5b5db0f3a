import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { IDEMPOTENCY_KEY_HEADER } from '@aiparksit/shared';

/**
 * The request's Idempotency-Key, for a handler of an `@Idempotent()` route that records it beside
 * what it creates: a run taken over from an instance that died finds what the first run made.
 */
export const IdempotencyKey = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const value = context.switchToHttp().getRequest<FastifyRequest>().headers[IDEMPOTENCY_KEY_HEADER];
  return typeof value === 'string' ? value : '';
});
