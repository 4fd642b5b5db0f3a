import type { WsErrorCode } from '@aiparksit/shared';
import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

const KIND_OF_CODE: Record<WsErrorCode, DomainErrorKind> = {
  invalid_frame: 'invalid',
  invalid_message: 'invalid',
  too_many_subscriptions: 'unprocessable',
  bbox_too_large: 'unprocessable',
  rate_limited: 'rate_limited',
  server_error: 'unavailable',
};

/** A client message the gateway refuses; the gateway answers it as an `error` message. */
export class RealtimeException extends DomainException<WsErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: WsErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
