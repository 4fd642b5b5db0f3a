import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type OperatorsErrorCode =
  | 'application_not_found'
  | 'application_exists'
  | 'application_locked'
  | 'application_incomplete'
  | 'application_not_submitted'
  | 'terms_version_mismatch'
  | 'operator_not_found'
  | 'application_not_approved'
  | 'current_password_wrong';

const KIND_OF_CODE: Record<OperatorsErrorCode, DomainErrorKind> = {
  application_not_found: 'not_found',
  operator_not_found: 'not_found',
  application_exists: 'conflict',
  application_locked: 'conflict',
  application_incomplete: 'conflict',
  application_not_submitted: 'conflict',
  terms_version_mismatch: 'invalid',
  application_not_approved: 'conflict',
  current_password_wrong: 'invalid',
};

export class OperatorsException extends DomainException<OperatorsErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: OperatorsErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
