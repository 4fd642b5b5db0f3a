import type { BookingWindowViolationCode } from '@aiparksit/shared';
import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type BookingsErrorCode =
  | BookingWindowViolationCode
  | 'booking_not_found'
  | 'facility_not_found'
  | 'invalid_vehicle_plate'
  | 'space_type_not_offered'
  | 'rate_unavailable'
  | 'no_space_available'
  | 'blacked_out'
  | 'space_taken'
  | 'extension_not_later'
  | 'booking_not_extendable'
  | 'booking_not_cancellable'
  | 'cancellation_closed'
  | 'vehicle_change_closed'
  | 'email_not_verified'
  | 'booking_is_pass';

const KIND_OF_CODE: Record<BookingsErrorCode, DomainErrorKind> = {
  invalid_window: 'invalid',
  end_not_after_start: 'invalid',
  start_in_past: 'invalid',
  shorter_than_minimum: 'invalid',
  longer_than_maximum: 'invalid',
  longer_than_30_days: 'invalid',
  outside_opening_hours: 'invalid',
  invalid_vehicle_plate: 'invalid',
  space_type_not_offered: 'invalid',
  extension_not_later: 'invalid',
  booking_not_found: 'not_found',
  facility_not_found: 'not_found',
  no_space_available: 'conflict',
  // A stored rate that cannot price the window (saved before the rate limits) is the operator's to fix.
  rate_unavailable: 'conflict',
  // The window is valid; the facility is closed to bookings then, as when every space is taken.
  blacked_out: 'conflict',
  space_taken: 'conflict',
  booking_not_extendable: 'conflict',
  booking_not_cancellable: 'conflict',
  cancellation_closed: 'conflict',
  vehicle_change_closed: 'conflict',
  email_not_verified: 'forbidden',
  // A monthly pass is cancelled by its own terms (passes/), never as a stay.
  booking_is_pass: 'conflict',
};

export class BookingsException extends DomainException<BookingsErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: BookingsErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
