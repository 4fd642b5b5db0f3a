import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type WaitlistErrorCode = 'space_available' | 'already_waiting' | 'entry_not_found' | 'entry_not_waiting';

const KIND_OF_CODE: Record<WaitlistErrorCode, DomainErrorKind> = {
  // Nothing to wait for: a space is free for the stay now, book it.
  space_available: 'conflict',
  already_waiting: 'conflict',
  entry_not_found: 'not_found',
  entry_not_waiting: 'conflict',
};

export class WaitlistException extends DomainException<WaitlistErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: WaitlistErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
