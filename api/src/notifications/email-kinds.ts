/** Outbox kinds this module delivers, and their payloads. Other modules enqueue these. */
export const BOOKING_CONFIRMATION_EMAIL = 'email.booking_confirmation';
export const ACCOUNT_NOTICE_EMAIL = 'email.account_notice';
export const EMAIL_VERIFICATION_EMAIL = 'email.email_verification';
export const REGISTRATION_ATTEMPT_EMAIL = 'email.registration_attempt';
export const SIGN_IN_LOCKOUT_EMAIL = 'email.sign_in_lockout';

export interface BookingConfirmationPayload {
  bookingId: string;
}

export interface AccountNoticePayload {
  userId: string;
  subject: string;
  message: string;
}

/**
 * `token` is the link's secret, which the database keeps only hashed: this row holds it until
 * the email is sent, as the sent email itself does.
 */
export interface EmailVerificationPayload {
  userId: string;
  token: string;
}

export interface RegistrationAttemptPayload {
  userId: string;
}

export interface SignInLockoutPayload {
  userId: string;
  /** ISO instant sign-ins open again. */
  lockedUntil: string;
  failures: number;
}
