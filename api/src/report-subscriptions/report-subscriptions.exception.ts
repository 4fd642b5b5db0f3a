import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type ReportSubscriptionsErrorCode = 'subscription_not_found' | 'subscription_exists' | 'invalid_subscription';

const KIND_OF_CODE: Record<ReportSubscriptionsErrorCode, DomainErrorKind> = {
  subscription_not_found: 'not_found',
  subscription_exists: 'conflict',
  invalid_subscription: 'invalid',
};

export class ReportSubscriptionsException extends DomainException<ReportSubscriptionsErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: ReportSubscriptionsErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
