import type { DeclineCode } from '@aiparksit/shared';
import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type PaymentsErrorCode =
  | DeclineCode
  | 'booking_not_found'
  | 'extension_not_found'
  | 'booking_already_paid'
  | 'extension_already_paid'
  | 'hold_expired'
  | 'booking_not_payable'
  | 'series_not_found'
  | 'series_already_paid';

const KIND_OF_CODE: Record<PaymentsErrorCode, DomainErrorKind> = {
  card_declined: 'payment_required',
  insufficient_funds: 'payment_required',
  expired_card: 'payment_required',
  incorrect_number: 'payment_required',
  incorrect_cvc: 'payment_required',
  processing_error: 'payment_required',
  booking_not_found: 'not_found',
  extension_not_found: 'not_found',
  booking_already_paid: 'conflict',
  extension_already_paid: 'conflict',
  hold_expired: 'conflict',
  booking_not_payable: 'conflict',
  series_not_found: 'not_found',
  series_already_paid: 'conflict',
};

export class PaymentsException extends DomainException<PaymentsErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: PaymentsErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
