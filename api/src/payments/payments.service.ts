import { Inject, Injectable } from '@nestjs/common';
import type { CardInput, CreatePaymentRequest, DeclineCode, PaymentView } from '@aiparksit/shared';
import { mayAccess, type UserPrincipal } from '../access/index.js';
import { AppConfig } from '../config/index.js';
import { SQLSTATE, postgresErrorOf, type SqlTransaction } from '../database/index.js';
import { PAYMENT_PROVIDER, type PaymentProvider } from './payment-provider.js';
import { PaymentsException } from './payments.exception.js';
import {
  PaymentsRepository,
  confirmationEmail,
  extensionEmail,
  seriesConfirmationEmail,
  toPaymentView,
  type PayableBooking,
  type PayableExtension,
  type RecordedPayment,
} from './payments.repository.js';
import { splitGross } from './platform-fee.js';
import { TelemetryRegistry } from '../telemetry/counters/index.js';

type PaymentOutcome = { paid: PaymentView } | { declined: PaymentsException };

/** What a refund needs to know of its booking. */
export interface RefundTarget {
  bookingId: string;
  operatorId: string;
  facilityId: string;
  currency: string;
}

@Injectable()
export class PaymentsService {
  private readonly testModeProviders: ReadonlySet<string>;

  constructor(
    private readonly payments: PaymentsRepository,
    @Inject(PAYMENT_PROVIDER) private readonly provider: PaymentProvider,
    private readonly config: AppConfig,
    private readonly telemetry: TelemetryRegistry,
  ) {
    this.testModeProviders = new Set(provider.testMode ? [provider.name] : []);
  }

  isTestMode(providerName: string | null): boolean {
    return providerName !== null && this.testModeProviders.has(providerName);
  }

  /**
   * Pays a booking hold (or an extension of it). The booking row stays locked from the check to
   * the commit, so a second submit waits and then finds the booking paid: one charge, whatever
   * the client retries. Success writes payment, confirmation, ledger lines and the confirmation
   * email in one transaction; a decline is recorded and the hold stays until it lapses.
   *
   * The payment keeps the request's Idempotency-Key. When the process that made it died before
   * its answer was stored, the retry with that key runs here again and gets the same outcome
   * (the receipt, or the same decline) from the recorded payment, without a second charge.
   */
  async pay(driver: UserPrincipal, request: CreatePaymentRequest, idempotencyKey: string): Promise<PaymentView> {
    const outcome = await this.payments
      .transaction<PaymentOutcome>(async (tx) => {
        const booking = await this.payments.lockBooking(tx, request.bookingId);
        if (!booking || !mayAccess(driver, booking.driverId)) throw new PaymentsException('booking_not_found', 'No such booking.');
        const earlier = await this.payments.findPaymentByIdempotencyKey(tx, booking.id, request.extensionId ?? null, idempotencyKey);
        if (earlier) return this.outcomeOf(earlier);
        const extension = request.extensionId ? await this.payableExtension(tx, booking, request.extensionId) : undefined;
        if (!extension) this.assertBookingPayable(booking);
        const amountCents = extension ? extension.amountCents : booking.amountCents;

        const charge = await this.provider.charge({ amountCents, currency: booking.currency, card: request.card, reference: extension?.id ?? booking.id });
        const common = {
          bookingId: booking.id,
          extensionId: extension?.id ?? null,
          provider: this.provider.name,
          amountCents,
          currency: booking.currency,
          idempotencyKey,
        };
        if (!charge.ok) {
          await this.payments.insertPayment(tx, {
            ...common,
            providerRef: null,
            status: charge.code === 'processing_error' ? 'failed' : 'declined',
            cardBrand: charge.cardBrand,
            cardLast4: charge.cardLast4,
            failureCode: charge.code,
            failureReason: charge.reason,
          });
          return { declined: new PaymentsException(charge.code, charge.reason, { reason: charge.reason }) };
        }

        const succeeded = {
          ...common,
          providerRef: charge.providerRef,
          status: 'succeeded' as const,
          cardBrand: charge.cardBrand,
          cardLast4: charge.cardLast4,
        };
        const payment = extension ? await this.payments.insertPayment(tx, succeeded) : await this.payments.insertPaymentConfirmingBooking(tx, succeeded);
        if (extension) await this.payments.confirmExtension(tx, booking.id, extension);
        const owner = {
          bookingId: booking.id,
          paymentId: payment.id,
          operatorId: booking.operatorId,
          facilityId: booking.facilityId,
          currency: booking.currency,
        };
        const email = extension ? extensionEmail(booking.id, extension.id) : confirmationEmail(booking.id);
        await this.payments.insertLedgerLines(tx, owner, splitGross(amountCents, this.config.values.platformFeeBps), 'charge', email);
        return { paid: toPaymentView(payment, this.testModeProviders) };
      })
      .catch((error: unknown) => {
        // The partial unique index is the last word on "one successful payment per booking".
        const { code, constraint } = postgresErrorOf(error);
        if (code === SQLSTATE.uniqueViolation && constraint?.startsWith('payments_one_success_per_')) {
          throw new PaymentsException('booking_already_paid', 'This booking is already paid.');
        }
        throw error;
      });
    if ('declined' in outcome) {
      this.telemetry.paymentAnswered(outcome.declined.code === 'processing_error' ? 'failed' : 'declined');
      throw outcome.declined;
    }
    this.telemetry.paymentAnswered('succeeded');
    if (!request.extensionId) this.telemetry.bookingConfirmed();
    return outcome.paid;
  }

  /**
   * Pays every held occurrence of a series with one card charge for their sum. The ledger stays
   * per booking: each occurrence gets a payment row for its own share (all sharing the
   * processor's reference) and its ledger lines, so cancelling one refunds its share by the
   * booking's own terms. The occurrences stay locked from the check to the commit, so a second
   * submit waits and then finds them paid; a retry under the same Idempotency-Key after a crash
   * finds the recorded outcome instead of charging again. One email lists the occurrences.
   */
  async paySeries(driver: UserPrincipal, seriesId: string, card: CardInput, idempotencyKey: string): Promise<{ amountCents: number; occurrences: number }> {
    const outcome = await this.payments.transaction<{ paid: { amountCents: number; occurrences: number } } | { declined: PaymentsException }>(async (tx) => {
      const bookings = await this.payments.lockSeriesBookings(tx, seriesId);
      if (!bookings[0] || !mayAccess(driver, bookings[0].driverId)) throw new PaymentsException('series_not_found', 'No such booking series.');
      const earlier = await this.payments.findSeriesPaymentByIdempotencyKey(tx, seriesId, idempotencyKey);
      if (earlier) {
        const recorded = this.outcomeOf(earlier);
        if ('declined' in recorded) return recorded;
        const paid = bookings.filter((b) => b.status === 'confirmed' || b.status === 'completed');
        return { paid: { amountCents: paid.reduce((sum, b) => sum + b.amountCents, 0), occurrences: paid.length } };
      }
      const held = bookings.filter((b) => b.status === 'pending_payment');
      if (held.length === 0) {
        if (bookings.some((b) => b.status === 'confirmed' || b.status === 'completed'))
          throw new PaymentsException('series_already_paid', 'This booking series is already paid.');
        throw new PaymentsException('hold_expired', 'The holds of this series have lapsed or were cancelled; book again.');
      }
      // All occurrences share one hold expiry: one lapsed means all did.
      if (held.some((b) => b.holdLapsed)) throw new PaymentsException('hold_expired', 'The holds of this series have lapsed; book again.');
      const currency = held[0]!.currency;
      const amountCents = held.reduce((sum, b) => sum + b.amountCents, 0);

      const charge = await this.provider.charge({ amountCents, currency, card, reference: seriesId });
      const common = (booking: PayableBooking) => ({
        bookingId: booking.id,
        extensionId: null,
        provider: this.provider.name,
        amountCents: booking.amountCents,
        currency,
        idempotencyKey,
        cardBrand: charge.cardBrand,
        cardLast4: charge.cardLast4,
      });
      if (!charge.ok) {
        const status = charge.code === 'processing_error' ? 'failed' : 'declined';
        for (const booking of held) {
          await this.payments.insertPayment(tx, { ...common(booking), providerRef: null, status, failureCode: charge.code, failureReason: charge.reason });
        }
        return { declined: new PaymentsException(charge.code, charge.reason, { reason: charge.reason }) };
      }
      for (const booking of held) {
        const payment = await this.payments.insertPaymentConfirmingBooking(tx, { ...common(booking), providerRef: charge.providerRef, status: 'succeeded' });
        const owner = { bookingId: booking.id, paymentId: payment.id, operatorId: booking.operatorId, facilityId: booking.facilityId, currency };
        await this.payments.insertLedgerLines(tx, owner, splitGross(booking.amountCents, this.config.values.platformFeeBps), 'charge');
      }
      await this.payments.enqueueEmail(tx, seriesConfirmationEmail(seriesId));
      return { paid: { amountCents, occurrences: held.length } };
    });
    if ('declined' in outcome) {
      this.telemetry.paymentAnswered(outcome.declined.code === 'processing_error' ? 'failed' : 'declined');
      throw outcome.declined;
    }
    this.telemetry.paymentAnswered('succeeded');
    for (let i = 0; i < outcome.paid.occurrences; i++) this.telemetry.bookingConfirmed();
    return outcome.paid;
  }

  /**
   * Refunds `amountCents` of a booking's payments through the provider that took them, newest
   * payment first, with negative ledger lines per refund. Runs in the caller's transaction.
   */
  async refund(tx: SqlTransaction, target: RefundTarget, amountCents: number): Promise<number> {
    let remaining = amountCents;
    for (const payment of await this.payments.lockRefundablePayments(tx, target.bookingId)) {
      if (remaining <= 0) break;
      const take = Math.min(remaining, payment.amountCents - payment.refundedCents);
      await this.provider.refund({ providerRef: payment.providerRef, amountCents: take, currency: payment.currency });
      await this.payments.recordRefund(tx, payment.id, take);
      await this.payments.insertLedgerLines(tx, { ...target, paymentId: payment.id }, splitGross(take, this.config.values.platformFeeBps), 'refund');
      remaining -= take;
    }
    return amountCents - remaining;
  }

  private outcomeOf(recorded: RecordedPayment): PaymentOutcome {
    const { failureCode, failureReason, ...payment } = recorded;
    if (payment.status === 'declined' || payment.status === 'failed') {
      const reason = failureReason ?? 'The card was declined.';
      return { declined: new PaymentsException((failureCode ?? 'card_declined') as DeclineCode, reason, { reason }) };
    }
    return { paid: toPaymentView(payment, this.testModeProviders) };
  }

  private assertBookingPayable(booking: PayableBooking): void {
    if (booking.status === 'confirmed' || booking.status === 'completed') throw new PaymentsException('booking_already_paid', 'This booking is already paid.');
    if (booking.status === 'expired' || (booking.status === 'pending_payment' && booking.holdLapsed)) {
      throw new PaymentsException('hold_expired', 'The hold on this space has lapsed; book again.');
    }
    if (booking.status !== 'pending_payment') throw new PaymentsException('booking_not_payable', 'This booking was cancelled and cannot be paid.');
  }

  private async payableExtension(tx: SqlTransaction, booking: PayableBooking, extensionId: string): Promise<PayableExtension> {
    const extension = await this.payments.lockExtension(tx, booking.id, extensionId);
    if (!extension) throw new PaymentsException('extension_not_found', 'No such extension of this booking.');
    if (extension.status === 'confirmed') throw new PaymentsException('extension_already_paid', 'This extension is already paid.');
    if (extension.status === 'expired' || extension.holdLapsed || booking.status !== 'confirmed') {
      throw new PaymentsException('hold_expired', 'The hold on the extra time has lapsed; ask for the extension again.');
    }
    return extension;
  }
}
