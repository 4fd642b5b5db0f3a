import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENT_KEY, IdempotencyInterceptor } from './idempotency.interceptor.js';

export interface IdempotentOptions {
  /**
   * What of the body identifies the request, when the body holds something that must never be
   * stored, not even hashed (a card number): return a stand-in without it.
   */
  fingerprint?: (body: unknown) => unknown;
}

/**
 * The route requires an `Idempotency-Key` header: the first request with a key runs, and its
 * answer (status and body) is replayed to every retry with the same key and body for 24 hours.
 * The same key with another body is refused (422); a retry while the first is running gets 409.
 */
export function Idempotent(options: IdempotentOptions = {}): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_KEY, options),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description:
        'A unique key per intended operation (e.g. a UUID), 1–255 printable characters. Retries with the same key and body get the first answer again.',
    }),
  ) as MethodDecorator;
}
