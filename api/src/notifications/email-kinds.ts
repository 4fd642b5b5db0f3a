/** Outbox kinds this module delivers, and their payloads. Other modules enqueue these. */
export const BOOKING_CONFIRMATION_EMAIL = 'email.booking_confirmation';
export const ACCOUNT_NOTICE_EMAIL = 'email.account_notice';

export interface BookingConfirmationPayload {
  bookingId: string;
}

export interface AccountNoticePayload {
  userId: string;
  subject: string;
  message: string;
}
