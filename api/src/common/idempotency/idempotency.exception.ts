import { DomainException, type DomainErrorKind } from '../errors/index.js';

export type IdempotencyErrorCode = 'idempotency_key_missing' | 'idempotency_key_invalid' | 'idempotency_key_reused' | 'idempotency_key_in_flight';

const KIND_OF_CODE: Record<IdempotencyErrorCode, DomainErrorKind> = {
  idempotency_key_missing: 'invalid',
  idempotency_key_invalid: 'invalid',
  idempotency_key_reused: 'unprocessable',
  idempotency_key_in_flight: 'conflict',
};

export class IdempotencyException extends DomainException<IdempotencyErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: IdempotencyErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
