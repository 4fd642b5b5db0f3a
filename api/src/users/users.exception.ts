import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type UsersErrorCode = 'email_taken' | 'account_rejected' | 'user_not_found';

const KIND_OF_CODE: Record<UsersErrorCode, DomainErrorKind> = {
  email_taken: 'conflict',
  account_rejected: 'invalid',
  user_not_found: 'not_found',
};

export class UsersException extends DomainException<UsersErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: UsersErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
