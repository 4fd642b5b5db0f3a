import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type FacilityManagementErrorCode =
  | 'facility_not_found'
  | 'space_not_found'
  | 'booking_not_found'
  | 'blackout_not_found'
  | 'operator_not_found'
  | 'invalid_facility'
  | 'invalid_blackout'
  | 'invalid_query'
  | 'invalid_cursor'
  | 'space_has_future_bookings';

const KIND_OF_CODE: Record<FacilityManagementErrorCode, DomainErrorKind> = {
  facility_not_found: 'not_found',
  space_not_found: 'not_found',
  booking_not_found: 'not_found',
  blackout_not_found: 'not_found',
  // An operator account without an operators row has nothing to own a facility: onboard first.
  operator_not_found: 'forbidden',
  invalid_facility: 'invalid',
  invalid_blackout: 'invalid',
  invalid_query: 'invalid',
  invalid_cursor: 'invalid',
  space_has_future_bookings: 'conflict',
};

export class FacilityManagementException extends DomainException<FacilityManagementErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: FacilityManagementErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
