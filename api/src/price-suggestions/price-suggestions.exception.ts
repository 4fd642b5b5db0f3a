import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type PriceSuggestionErrorCode = 'facility_not_found' | 'suggestion_not_found' | 'suggestion_stale' | 'invalid_price_floor';

const KIND_OF_CODE: Record<PriceSuggestionErrorCode, DomainErrorKind> = {
  facility_not_found: 'not_found',
  suggestion_not_found: 'not_found',
  // The rate (or the floor) changed since the suggestion was computed: read the new one.
  suggestion_stale: 'conflict',
  invalid_price_floor: 'invalid',
};

export class PriceSuggestionException extends DomainException<PriceSuggestionErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: PriceSuggestionErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
