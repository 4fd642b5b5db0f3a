import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type NotificationsErrorCode =
  | 'recipient_not_found'
  | 'booking_not_found'
  | 'booking_not_confirmed'
  | 'mailbox_message_not_found'
  | 'mailbox_attachment_not_found'
  | 'template_not_allowed'
  | 'recipient_not_allowed'
  | 'recipient_not_investor'
  | 'invalid_report_period'
  | 'report_emails_pending';

const KIND_OF_CODE: Record<NotificationsErrorCode, DomainErrorKind> = {
  recipient_not_found: 'not_found',
  booking_not_found: 'not_found',
  booking_not_confirmed: 'conflict',
  mailbox_message_not_found: 'not_found',
  mailbox_attachment_not_found: 'not_found',
  template_not_allowed: 'forbidden',
  recipient_not_allowed: 'forbidden',
  recipient_not_investor: 'unprocessable',
  invalid_report_period: 'invalid',
  report_emails_pending: 'rate_limited',
};

export class NotificationsException extends DomainException<NotificationsErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: NotificationsErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
