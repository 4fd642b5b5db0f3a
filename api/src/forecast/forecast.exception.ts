import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type ForecastErrorCode = 'facility_not_found';

const KIND_OF_CODE: Record<ForecastErrorCode, DomainErrorKind> = {
  facility_not_found: 'not_found',
};

export class ForecastException extends DomainException<ForecastErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: ForecastErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
