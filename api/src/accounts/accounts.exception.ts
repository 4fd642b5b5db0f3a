import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type AccountsErrorCode =
  | 'account_not_found'
  | 'email_taken'
  | 'account_rejected'
  | 'cannot_disable_self'
  | 'not_invited'
  | 'invalid_invitation'
  | 'invitation_used'
  | 'invitation_replaced'
  | 'invitation_expired'
  | 'weak_password';

const KIND_OF_CODE: Record<AccountsErrorCode, DomainErrorKind> = {
  account_not_found: 'not_found',
  email_taken: 'conflict',
  account_rejected: 'invalid',
  cannot_disable_self: 'forbidden',
  not_invited: 'conflict',
  invalid_invitation: 'invalid',
  invitation_used: 'invalid',
  invitation_replaced: 'invalid',
  invitation_expired: 'invalid',
  weak_password: 'invalid',
};

export class AccountsException extends DomainException<AccountsErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: AccountsErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
