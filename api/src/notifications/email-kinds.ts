import type { MetricsComparison, ReportType } from '@aiparksit/shared';

/** Outbox kinds this module delivers, and their payloads. Other modules enqueue these. */
export const BOOKING_CONFIRMATION_EMAIL = 'email.booking_confirmation';
export const ACCOUNT_NOTICE_EMAIL = 'email.account_notice';
export const EMAIL_VERIFICATION_EMAIL = 'email.email_verification';
export const REGISTRATION_ATTEMPT_EMAIL = 'email.registration_attempt';
export const SIGN_IN_LOCKOUT_EMAIL = 'email.sign_in_lockout';
export const ACCOUNT_INVITATION_EMAIL = 'email.account_invitation';

export interface BookingConfirmationPayload {
  bookingId: string;
}

/** Written in the transaction that cancels the booking; the refunds are read from the ledger when sent. */
export const BOOKING_CANCELLATION_EMAIL = 'email.booking_cancellation';
export interface BookingCancellationPayload {
  bookingId: string;
  /** The payments went through a test-mode processor. */
  testMode: boolean;
}

/** Written in the transaction that pays a weekly series: one email listing its occurrences. */
export const BOOKING_SERIES_CONFIRMATION_EMAIL = 'email.booking_series_confirmation';
export interface BookingSeriesConfirmationPayload {
  seriesId: string;
}

/** Written in the transaction that pays the extension. */
export const BOOKING_EXTENSION_EMAIL = 'email.booking_extension';
export interface BookingExtensionPayload {
  bookingId: string;
  extensionId: string;
}

/**
 * Written by `waitlist_offer` (SQL) in the transaction that holds a freed space for the first in
 * a waitlist: the held booking, to pay before its hold expires.
 */
export const WAITLIST_OFFER_EMAIL = 'email.waitlist_offer';
export interface WaitlistOfferPayload {
  entryId: string;
  bookingId: string;
}

/** Written in the transaction that changes the plate; the plate before the change rides along. */
export const VEHICLE_CHANGE_EMAIL = 'email.vehicle_change';
export interface VehicleChangePayload {
  bookingId: string;
  previousPlate: string;
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

/** An admin-made account's way in; `token` is held here until sent, like a verification link's. */
export interface AccountInvitationPayload {
  userId: string;
  token: string;
}

/** A single-use link to choose a new password; `token` is held here until sent, like a verification link's. */
export const PASSWORD_RESET_EMAIL = 'email.password_reset';
export interface PasswordResetPayload {
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

export const INVESTOR_REPORT_EMAIL = 'email.investor_report';

/**
 * A PDF report rendered when the email is sent (not when it is asked for), so a retry renders it
 * again. `subscriptionId` marks a monthly report: it is not sent once the subscription is gone.
 */
export interface InvestorReportPayload {
  userId: string;
  report: { type: ReportType; from: string; to: string; comparison: MetricsComparison };
  subscriptionId?: string;
}

/** The status page's test email, to an address rather than an account (an admin may name any). */
export const SYSTEM_TEST_EMAIL = 'email.system_test';

export interface SystemTestEmailPayload {
  to: string;
  requestedBy: string;
  requestedAt: string;
  instance: string;
}
