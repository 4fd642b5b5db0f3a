/**
 * The notifications module's public surface. To send a booking confirmation, enqueue it through
 * `OutboxService` in the transaction that confirms the booking:
 *   outbox.enqueue(BOOKING_CONFIRMATION_EMAIL, { bookingId }, manager)
 */
export { NotificationsModule } from './notifications.module.js';
export { NotificationsService } from './notifications.service.js';
export { NotificationsException } from './notifications.exception.js';
export {
  BOOKING_CONFIRMATION_EMAIL,
  BOOKING_CANCELLATION_EMAIL,
  BOOKING_EXTENSION_EMAIL,
  VEHICLE_CHANGE_EMAIL,
  PASSWORD_RESET_EMAIL,
  ACCOUNT_NOTICE_EMAIL,
  EMAIL_VERIFICATION_EMAIL,
  REGISTRATION_ATTEMPT_EMAIL,
  SIGN_IN_LOCKOUT_EMAIL,
  INVESTOR_REPORT_EMAIL,
  SYSTEM_TEST_EMAIL,
  ACCOUNT_INVITATION_EMAIL,
  type AccountInvitationPayload,
  type BookingConfirmationPayload,
  type BookingCancellationPayload,
  type BookingExtensionPayload,
  type VehicleChangePayload,
  type PasswordResetPayload,
  type AccountNoticePayload,
  type EmailVerificationPayload,
  type RegistrationAttemptPayload,
  type SignInLockoutPayload,
  type InvestorReportPayload,
} from './email-kinds.js';
