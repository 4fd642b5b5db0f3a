import { Injectable } from '@nestjs/common';
import {
  bookingPagePath,
  bookingPaymentPath,
  bookingSeriesPagePath,
  INVITATION_PATH,
  isUuid,
  METRICS_COMPARISONS,
  REPORT_TYPES,
  RESET_PASSWORD_PATH,
  VERIFY_EMAIL_PATH,
} from '@aiparksit/shared';
import { AppConfig } from '../config/index.js';
import { linkOriginFollowsRequests, originOfRequestPattern, PermanentDeliveryError, type OutboxHandler, type OutboxMessage } from '../outbox/index.js';
import { MetricsService } from '../metrics/index.js';
import { ReportsException, ReportsService } from '../reports/index.js';
import { MailSender } from './delivery/mail-sender.js';
import {
  ACCOUNT_INVITATION_EMAIL,
  ACCOUNT_NOTICE_EMAIL,
  BOOKING_CANCELLATION_EMAIL,
  BOOKING_CONFIRMATION_EMAIL,
  BOOKING_EXTENSION_EMAIL,
  BOOKING_SERIES_CONFIRMATION_EMAIL,
  EMAIL_VERIFICATION_EMAIL,
  INVESTOR_REPORT_EMAIL,
  PASSWORD_RESET_EMAIL,
  REGISTRATION_ATTEMPT_EMAIL,
  SIGN_IN_LOCKOUT_EMAIL,
  SYSTEM_TEST_EMAIL,
  VEHICLE_CHANGE_EMAIL,
  WAITLIST_OFFER_EMAIL,
  type AccountInvitationPayload,
  type AccountNoticePayload,
  type BookingCancellationPayload,
  type BookingConfirmationPayload,
  type BookingExtensionPayload,
  type BookingSeriesConfirmationPayload,
  type EmailVerificationPayload,
  type InvestorReportPayload,
  type PasswordResetPayload,
  type RegistrationAttemptPayload,
  type SignInLockoutPayload,
  type SystemTestEmailPayload,
  type VehicleChangePayload,
  type WaitlistOfferPayload,
} from './email-kinds.js';
import type { BookingConfirmationRecord } from './notification.records.js';
import { NotificationsRepository } from './notifications.repository.js';
import { accountInvitationEmail } from './templates/account-invitation.template.js';
import { accountNoticeEmail } from './templates/account-notice.template.js';
import { bookingConfirmationEmail } from './templates/booking-confirmation.template.js';
import { bookingSeriesConfirmationEmail } from './templates/booking-series-confirmation.template.js';
import {
  bookingCancellationEmail,
  bookingExtensionEmail,
  vehicleChangeEmail,
  waitlistOfferEmail,
  type BookingNoticeBase,
} from './templates/booking-notices.template.js';
import { passwordResetEmail } from './templates/password-reset.template.js';
import { emailVerificationEmail } from './templates/email-verification.template.js';
import { investorReportEmail, SUMMARY_METRICS, summaryLine } from './templates/investor-report.template.js';
import { registrationAttemptEmail } from './templates/registration-attempt.template.js';
import { signInLockoutEmail } from './templates/sign-in-lockout.template.js';
import { systemTestEmail } from './templates/system-test.template.js';
import { renderBookingQr } from './templates/booking-qr.js';
import type { RenderedEmail } from './templates/rendered-email.js';

/** Statuses a confirmation still makes sense for; a cancelled or lapsed booking gets none. */
const CONFIRMABLE = new Set(['confirmed', 'completed']);

/** Roles that may receive investor reports; anyone else (a demoted investor) gets none. */
export const REPORT_RECIPIENT_ROLES = new Set(['investor', 'admin']);

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Renders and sends the emails of the outbox kinds this module owns. */
@Injectable()
export class EmailHandlers {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly sender: MailSender,
    private readonly config: AppConfig,
    private readonly reports: ReportsService,
    private readonly metrics: MetricsService,
  ) {}

  all(): OutboxHandler[] {
    return [
      { kind: BOOKING_CONFIRMATION_EMAIL, handle: (message) => this.sendBookingConfirmation(message) },
      { kind: ACCOUNT_NOTICE_EMAIL, handle: (message) => this.sendAccountNotice(message) },
      { kind: EMAIL_VERIFICATION_EMAIL, handle: (message) => this.sendEmailVerification(message) },
      { kind: REGISTRATION_ATTEMPT_EMAIL, handle: (message) => this.sendRegistrationAttempt(message) },
      { kind: SIGN_IN_LOCKOUT_EMAIL, handle: (message) => this.sendSignInLockout(message) },
      { kind: INVESTOR_REPORT_EMAIL, handle: (message) => this.sendInvestorReport(message) },
      { kind: SYSTEM_TEST_EMAIL, handle: (message) => this.sendSystemTest(message) },
      { kind: ACCOUNT_INVITATION_EMAIL, handle: (message) => this.sendAccountInvitation(message) },
      { kind: BOOKING_CANCELLATION_EMAIL, handle: (message) => this.sendBookingCancellation(message) },
      { kind: BOOKING_EXTENSION_EMAIL, handle: (message) => this.sendBookingExtension(message) },
      { kind: VEHICLE_CHANGE_EMAIL, handle: (message) => this.sendVehicleChange(message) },
      { kind: PASSWORD_RESET_EMAIL, handle: (message) => this.sendPasswordReset(message) },
      { kind: WAITLIST_OFFER_EMAIL, handle: (message) => this.sendWaitlistOffer(message) },
      { kind: BOOKING_SERIES_CONFIRMATION_EMAIL, handle: (message) => this.sendBookingSeriesConfirmation(message) },
    ];
  }

  /**
   * A link into the SPA, under PUBLIC_URL (which may itself have a path). Without PUBLIC_URL, in
   * development only, the origin of the request that caused the email (the payload's
   * `linkOrigin`, see outbox/link-origin.ts), else this instance on localhost:PORT.
   */
  spaUrl(path: string, message?: OutboxMessage): string {
    return `${this.linkBase(message).replace(/\/+$/, '')}${path}`;
  }

  private linkBase(message?: OutboxMessage): string {
    const { publicUrl, port } = this.config.values;
    if (publicUrl) return publicUrl;
    const { linkOrigin } = (message?.payload ?? {}) as { linkOrigin?: unknown };
    if (linkOriginFollowsRequests(this.config) && typeof linkOrigin === 'string' && originOfRequestPattern.test(linkOrigin)) return linkOrigin;
    return `http://localhost:${port}`;
  }

  private async sendBookingConfirmation(message: OutboxMessage): Promise<void> {
    const { bookingId } = message.payload as Partial<BookingConfirmationPayload>;
    if (!isUuid(bookingId)) throw new PermanentDeliveryError('payload has no valid bookingId');
    const booking = await this.repository.findBookingConfirmation(bookingId);
    if (!booking) throw new PermanentDeliveryError(`booking ${bookingId} does not exist`);
    if (!CONFIRMABLE.has(booking.status)) throw new PermanentDeliveryError(`booking ${bookingId} is ${booking.status}; no confirmation sent`);
    const qrPng = await renderBookingQr(booking.code);
    const email = bookingConfirmationEmail({
      driverName: booking.driverName,
      bookingCode: booking.code,
      facility: {
        name: booking.facilityName,
        addressLine: booking.addressLine,
        postalCode: booking.postalCode,
        city: booking.city,
        countryCode: booking.countryCode.trim(),
        timeZone: booking.timeZone,
      },
      start: booking.start,
      end: booking.end,
      spaceType: booking.spaceType,
      vehiclePlate: booking.vehiclePlate,
      amountCents: booking.amountCents,
      currency: booking.currency.trim(),
      paidWith: cardLabel(booking.cardBrand, booking.cardLast4),
      manageUrl: this.spaUrl(bookingPagePath(booking.id), message),
      qrPng,
      pass: booking.passMonth ? { month: booking.passMonth, openingHours: booking.openingHours } : undefined,
    });
    await this.deliver(message, booking.driverEmail, email);
  }

  /** One email for a paid series; occurrences cancelled before it is sent are no longer listed, and none left means none sent. */
  private async sendBookingSeriesConfirmation(message: OutboxMessage): Promise<void> {
    const { seriesId } = message.payload as Partial<BookingSeriesConfirmationPayload>;
    if (!isUuid(seriesId)) throw new PermanentDeliveryError('payload has no valid seriesId');
    const series = await this.repository.findSeriesConfirmation(seriesId);
    if (!series) throw new PermanentDeliveryError(`booking series ${seriesId} does not exist`);
    if (series.occurrences.length === 0) throw new PermanentDeliveryError(`booking series ${seriesId} has no paid occurrence; no confirmation sent`);
    const [first] = series.occurrences;
    const email = bookingSeriesConfirmationEmail({
      driverName: series.driverName,
      facility: { name: series.facilityName, addressLine: series.addressLine, city: series.city, timeZone: series.timeZone },
      spaceType: series.spaceType,
      vehiclePlate: series.vehiclePlate,
      occurrences: series.occurrences.map((o) => ({ code: o.code, start: new Date(o.start), end: new Date(o.end), amountCents: o.amountCents })),
      skipped: series.skipped.map((s) => ({ start: new Date(s.start), end: new Date(s.end), message: s.message })),
      amountCents: series.occurrences.reduce((total, o) => total + o.amountCents, 0),
      currency: series.currency,
      paidWith: cardLabel(first!.cardBrand, first!.cardLast4),
      seriesUrl: this.spaUrl(bookingSeriesPagePath(series.id), message),
    });
    await this.deliver(message, series.driverEmail, email);
  }

  /** The booking a notice is about, or a permanent failure: a retry would find no other. */
  private async noticeBooking(bookingId: unknown, message: OutboxMessage): Promise<{ booking: BookingConfirmationRecord; base: BookingNoticeBase }> {
    if (!isUuid(bookingId)) throw new PermanentDeliveryError('payload has no valid bookingId');
    const booking = await this.repository.findBookingConfirmation(bookingId);
    if (!booking) throw new PermanentDeliveryError(`booking ${bookingId} does not exist`);
    const base = {
      driverName: booking.driverName,
      bookingCode: booking.code,
      facility: { name: booking.facilityName, timeZone: booking.timeZone },
      bookingUrl: this.spaUrl(bookingPagePath(booking.id), message),
    };
    return { booking, base };
  }

  /** The refunds are the booking's, read now from its payments: each went back to the card it came from. */
  private async sendBookingCancellation(message: OutboxMessage): Promise<void> {
    const { bookingId, testMode } = message.payload as Partial<BookingCancellationPayload>;
    const { booking, base } = await this.noticeBooking(bookingId, message);
    if (booking.status !== 'cancelled') throw new PermanentDeliveryError(`booking ${booking.id} is ${booking.status}; no cancellation sent`);
    const payments = await this.repository.findBookingPayments(booking.id);
    const email = bookingCancellationEmail({
      ...base,
      start: booking.start,
      end: booking.end,
      currency: booking.currency.trim(),
      refunds: payments.filter((p) => p.refundedCents > 0).map((p) => ({ card: cardLabel(p.cardBrand, p.cardLast4), amountCents: p.refundedCents })),
      testMode: testMode === true,
    });
    await this.deliver(message, booking.driverEmail, email);
  }

  private async sendBookingExtension(message: OutboxMessage): Promise<void> {
    const { bookingId, extensionId } = message.payload as Partial<BookingExtensionPayload>;
    if (!isUuid(extensionId)) throw new PermanentDeliveryError('payload has no valid extensionId');
    const { booking, base } = await this.noticeBooking(bookingId, message);
    const extension = await this.repository.findBookingExtension(booking.id, extensionId);
    if (!extension || extension.status !== 'confirmed')
      throw new PermanentDeliveryError(`extension ${extensionId} is not a paid extension of booking ${booking.id}`);
    const payment = (await this.repository.findBookingPayments(booking.id)).find((p) => p.extensionId === extension.id);
    const email = bookingExtensionEmail({
      ...base,
      start: booking.start,
      previousEnd: extension.previousEnd,
      newEnd: extension.newEnd,
      amountCents: extension.amountCents,
      currency: extension.currency.trim(),
      paidWith: payment ? cardLabel(payment.cardBrand, payment.cardLast4) : null,
    });
    await this.deliver(message, booking.driverEmail, email);
  }

  private async sendVehicleChange(message: OutboxMessage): Promise<void> {
    const { bookingId, previousPlate } = message.payload as Partial<VehicleChangePayload>;
    if (typeof previousPlate !== 'string') throw new PermanentDeliveryError('payload needs previousPlate');
    const { booking, base } = await this.noticeBooking(bookingId, message);
    await this.deliver(
      message,
      booking.driverEmail,
      vehicleChangeEmail({ ...base, start: booking.start, end: booking.end, previousPlate, vehiclePlate: booking.vehiclePlate }),
    );
  }

  /** Only while the offer still holds: a hold paid, lapsed or cancelled before sending needs no email. */
  private async sendWaitlistOffer(message: OutboxMessage): Promise<void> {
    const { bookingId } = message.payload as Partial<WaitlistOfferPayload>;
    const { booking, base } = await this.noticeBooking(bookingId, message);
    if (booking.status !== 'pending_payment' || !booking.holdExpiresAt) {
      throw new PermanentDeliveryError(`booking ${booking.id} is ${booking.status}; the waitlist offer no longer holds`);
    }
    const email = waitlistOfferEmail({
      ...base,
      start: booking.start,
      end: booking.end,
      amountCents: booking.amountCents,
      currency: booking.currency.trim(),
      holdExpiresAt: booking.holdExpiresAt,
      payUrl: this.spaUrl(bookingPaymentPath(booking.id), message),
    });
    await this.deliver(message, booking.driverEmail, email);
  }

  /** Like a verification link: to PUBLIC_URL, the token in the fragment (see below); not sent to a disabled account. */
  private async sendPasswordReset(message: OutboxMessage): Promise<void> {
    const { userId, token } = message.payload as Partial<PasswordResetPayload>;
    if (!isUuid(userId) || typeof token !== 'string') throw new PermanentDeliveryError('payload needs userId and token');
    const recipient = await this.repository.findReportRecipient(userId);
    if (!recipient) throw new PermanentDeliveryError(`user ${userId} does not exist`);
    if (recipient.disabled) throw new PermanentDeliveryError(`user ${userId} is disabled; no reset link sent`);
    const validForMinutes = Math.max(1, Math.round(this.config.values.passwordResetTtlSeconds / 60));
    const resetUrl = this.spaUrl(`${RESET_PASSWORD_PATH}#token=${encodeURIComponent(token)}`, message);
    await this.deliver(message, recipient.email, passwordResetEmail({ recipientName: recipient.name, resetUrl, validForMinutes }));
  }

  private async sendAccountNotice(message: OutboxMessage): Promise<void> {
    const { userId, subject, message: text } = message.payload as Partial<AccountNoticePayload>;
    if (!isUuid(userId) || typeof subject !== 'string' || typeof text !== 'string') {
      throw new PermanentDeliveryError('payload needs userId, subject and message');
    }
    const recipient = await this.repository.findRecipient(userId);
    if (!recipient) throw new PermanentDeliveryError(`user ${userId} does not exist`);
    await this.deliver(message, recipient.email, accountNoticeEmail({ recipientName: recipient.name, subject, message: text }));
  }

  /**
   * Links go to PUBLIC_URL, never to the Host of the request that caused the email: a Host
   * header is the caller's to choose, and would let them send the owner's secret link to a
   * server of theirs (password-reset poisoning). The token rides in the fragment, which
   * browsers send to no server, so it stays out of access logs and Referer headers.
   */
  private async sendEmailVerification(message: OutboxMessage): Promise<void> {
    const { userId, token } = message.payload as Partial<EmailVerificationPayload>;
    if (!isUuid(userId) || typeof token !== 'string') throw new PermanentDeliveryError('payload needs userId and token');
    const recipient = await this.recipientOf(userId);
    const validForHours = Math.max(1, Math.round(this.config.values.emailVerificationTtlSeconds / 3600));
    const verifyUrl = this.spaUrl(`${VERIFY_EMAIL_PATH}#token=${encodeURIComponent(token)}`, message);
    await this.deliver(message, recipient.email, emailVerificationEmail({ recipientName: recipient.name, verifyUrl, validForHours }));
  }

  /** Like a verification link: to PUBLIC_URL, the token in the fragment (see above). */
  private async sendAccountInvitation(message: OutboxMessage): Promise<void> {
    const { userId, token } = message.payload as Partial<AccountInvitationPayload>;
    if (!isUuid(userId) || typeof token !== 'string') throw new PermanentDeliveryError('payload needs userId and token');
    const recipient = await this.repository.findReportRecipient(userId);
    if (!recipient) throw new PermanentDeliveryError(`user ${userId} does not exist`);
    if (recipient.disabled) throw new PermanentDeliveryError(`user ${userId} is disabled; no invitation sent`);
    const validForDays = Math.max(1, Math.round(this.config.values.accountInvitationTtlSeconds / 86_400));
    const acceptUrl = this.spaUrl(`${INVITATION_PATH}#token=${encodeURIComponent(token)}`, message);
    await this.deliver(message, recipient.email, accountInvitationEmail({ recipientName: recipient.name, role: recipient.role, acceptUrl, validForDays }));
  }

  private async sendRegistrationAttempt(message: OutboxMessage): Promise<void> {
    const { userId } = message.payload as Partial<RegistrationAttemptPayload>;
    if (!isUuid(userId)) throw new PermanentDeliveryError('payload needs userId');
    const recipient = await this.recipientOf(userId);
    await this.deliver(message, recipient.email, registrationAttemptEmail({ recipientName: recipient.name, signInUrl: this.spaUrl('/login', message) }));
  }

  private async sendSignInLockout(message: OutboxMessage): Promise<void> {
    const { userId, lockedUntil, failures } = message.payload as Partial<SignInLockoutPayload>;
    const until = typeof lockedUntil === 'string' ? new Date(lockedUntil) : undefined;
    if (!isUuid(userId) || !until || Number.isNaN(until.getTime()) || typeof failures !== 'number') {
      throw new PermanentDeliveryError('payload needs userId, lockedUntil and failures');
    }
    const recipient = await this.recipientOf(userId);
    await this.deliver(message, recipient.email, signInLockoutEmail({ recipientName: recipient.name, lockedUntil: until, failures }));
  }

  /**
   * Renders the PDF now, at delivery: a render that fails (browser busy or crashed) throws an
   * ordinary error, so the outbox retries it with its backoff like a refused SMTP send. Whether
   * the recipient may still read investor figures is checked here too, not only when asked: an
   * account disabled or moved off the investor role in between gets nothing.
   */
  private async sendInvestorReport(message: OutboxMessage): Promise<void> {
    const { userId, report, subscriptionId } = message.payload as Partial<InvestorReportPayload>;
    const valid =
      isUuid(userId) &&
      typeof report === 'object' &&
      report !== null &&
      (REPORT_TYPES as readonly string[]).includes(report.type) &&
      (METRICS_COMPARISONS as readonly string[]).includes(report.comparison) &&
      ISO_DATE.test(String(report.from)) &&
      ISO_DATE.test(String(report.to)) &&
      (subscriptionId === undefined || isUuid(subscriptionId));
    if (!valid) throw new PermanentDeliveryError('payload needs userId and report { type, from, to, comparison }');
    const recipient = await this.repository.findReportRecipient(userId);
    if (!recipient) throw new PermanentDeliveryError(`user ${userId} does not exist`);
    if (recipient.disabled) throw new PermanentDeliveryError(`user ${userId} is disabled; no report sent`);
    if (!REPORT_RECIPIENT_ROLES.has(recipient.role)) throw new PermanentDeliveryError(`user ${userId} is no longer an investor or admin; no report sent`);
    if (subscriptionId !== undefined && !(await this.repository.reportSubscriptionExists(subscriptionId))) {
      throw new PermanentDeliveryError(`subscription ${subscriptionId} was cancelled; no report sent`);
    }
    const file = await this.reports
      .render({ type: report.type, from: report.from, to: report.to, comparison: report.comparison, format: 'pdf' })
      .catch((error: unknown) => {
        // A request the reports module refuses stays refused; anything else (busy, crashed, timed out) may pass next time.
        if (error instanceof ReportsException && error.code === 'invalid_report_request') throw new PermanentDeliveryError(error.message, { cause: error });
        throw error;
      });
    // The same figures the PDF opens with, from the same rollups (a read of a few milliseconds).
    const overview = await this.metrics.overview({ from: report.from, to: report.to, comparison: report.comparison });
    const email = investorReportEmail({
      recipientName: recipient.name,
      report,
      pdf: { filename: file.filename, contentType: file.contentType, content: file.body },
      monthly: subscriptionId !== undefined,
      portalUrl: this.spaUrl('/investor', message),
      summary: SUMMARY_METRICS.map((metric) => summaryLine(metric, overview.figures[metric])),
    });
    await this.deliver(message, recipient.email, email);
  }

  private async recipientOf(userId: string): Promise<{ email: string; name: string }> {
    const recipient = await this.repository.findRecipient(userId);
    if (!recipient) throw new PermanentDeliveryError(`user ${userId} does not exist`);
    return recipient;
  }

  private async sendSystemTest(message: OutboxMessage): Promise<void> {
    const { to, requestedBy, requestedAt, instance } = message.payload as Partial<SystemTestEmailPayload>;
    if (typeof to !== 'string' || typeof requestedBy !== 'string' || typeof requestedAt !== 'string' || typeof instance !== 'string') {
      throw new PermanentDeliveryError('payload needs to, requestedBy, requestedAt and instance');
    }
    await this.deliver(message, to, systemTestEmail({ requestedBy, requestedAt: new Date(requestedAt), instance }));
  }

  private deliver(message: OutboxMessage, to: string, email: RenderedEmail): Promise<void> {
    const host = new URL(this.linkBase(message)).hostname || 'aiparksit.local';
    const messageId = `<outbox-${message.id}.${message.createdAt.getTime()}@${host}>`;
    return this.sender.send({ ...email, to, messageId, outboxId: message.id });
  }
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "Visa •••• 4242", when the card is on record. */
function cardLabel(brand: string | null, last4: string | null): string | null {
  return brand && last4 ? `${capitalize(brand)} •••• ${last4.trim()}` : null;
}
