import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type AdminActionsErrorCode = 'unknown_action' | 'invalid_action_request';

const KIND_OF_CODE: Record<AdminActionsErrorCode, DomainErrorKind> = {
  unknown_action: 'not_found',
  invalid_action_request: 'invalid',
};

export class AdminActionsException extends DomainException<AdminActionsErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: AdminActionsErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
