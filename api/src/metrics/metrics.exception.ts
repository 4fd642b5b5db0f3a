import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type MetricsErrorCode = 'invalid_period' | 'period_too_long' | 'invalid_fx_rate';

const KIND_OF_CODE: Record<MetricsErrorCode, DomainErrorKind> = {
  invalid_period: 'invalid',
  period_too_long: 'invalid',
  invalid_fx_rate: 'invalid',
};

export class MetricsException extends DomainException<MetricsErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: MetricsErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
