import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type AnalyticsErrorCode = 'facility_not_found' | 'operator_not_found' | 'invalid_range' | 'range_too_long' | 'scope_required';

const KIND_OF_CODE: Record<AnalyticsErrorCode, DomainErrorKind> = {
  facility_not_found: 'not_found',
  operator_not_found: 'not_found',
  invalid_range: 'invalid',
  range_too_long: 'invalid',
  scope_required: 'invalid',
};

export class AnalyticsException extends DomainException<AnalyticsErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: AnalyticsErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
