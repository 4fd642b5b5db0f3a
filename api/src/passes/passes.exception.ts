import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type PassesErrorCode =
  | 'facility_not_found'
  | 'pass_not_found'
  | 'space_type_not_offered'
  | 'invalid_pass_offer'
  | 'passes_not_offered'
  | 'month_not_on_sale'
  | 'invalid_vehicle_plate'
  | 'email_not_verified'
  | 'passes_sold_out'
  | 'no_space_available'
  | 'pass_not_cancellable';

const KIND_OF_CODE: Record<PassesErrorCode, DomainErrorKind> = {
  facility_not_found: 'not_found',
  pass_not_found: 'not_found',
  space_type_not_offered: 'invalid',
  invalid_pass_offer: 'invalid',
  // The facility sells no passes of the type (no offer, or a limit of 0).
  passes_not_offered: 'conflict',
  month_not_on_sale: 'invalid',
  invalid_vehicle_plate: 'invalid',
  email_not_verified: 'forbidden',
  passes_sold_out: 'conflict',
  no_space_available: 'conflict',
  pass_not_cancellable: 'conflict',
};

export class PassesException extends DomainException<PassesErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: PassesErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
