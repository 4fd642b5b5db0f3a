import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type BookingSeriesErrorCode = 'invalid_pattern' | 'series_not_found' | 'occurrences_unavailable' | 'no_occurrence_free' | 'series_total_too_large';

const KIND_OF_CODE: Record<BookingSeriesErrorCode, DomainErrorKind> = {
  invalid_pattern: 'invalid',
  series_not_found: 'not_found',
  // Mode `all` and some occurrence cannot be held: nothing was held.
  occurrences_unavailable: 'conflict',
  // Mode `free` and not one occurrence can be held.
  no_occurrence_free: 'conflict',
  // The sum of the occurrences is more than one payment (an int4 of cents) can hold.
  series_total_too_large: 'invalid',
};

export class BookingSeriesException extends DomainException<BookingSeriesErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: BookingSeriesErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
