import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type FacilitiesErrorCode = 'facility_not_found' | 'invalid_search' | 'invalid_window' | 'invalid_cursor' | 'anonymous_page_limit';

const KIND_OF_CODE: Record<FacilitiesErrorCode, DomainErrorKind> = {
  facility_not_found: 'not_found',
  invalid_search: 'invalid',
  invalid_window: 'invalid',
  invalid_cursor: 'invalid',
  // Not a rate limit (waiting does not help) but a rule for anonymous callers: signing in does.
  anonymous_page_limit: 'forbidden',
};

export class FacilitiesException extends DomainException<FacilitiesErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: FacilitiesErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
