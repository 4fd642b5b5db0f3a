import type { BookingStatus, CancellationTerms } from '@aiparksit/shared';

export interface CancellationPolicy {
  /** Full refund until this many minutes before the start. */
  freeCancelMinutes: number;
  /** Refunded share after the free period, until the start. */
  lateRefundPercent: number;
}

export interface CancellableBooking {
  status: BookingStatus;
  start: Date;
  /** What was paid and not yet refunded. */
  refundableCents: number;
}

/**
 * The stated terms, as the leading parking marketplaces state them: free until a set time before
 * the start, a partial refund after that until the start, nothing once the booking has begun.
 * An unpaid hold can always be dropped (there is nothing to refund).
 */
export function cancellationTerms(booking: CancellableBooking, policy: CancellationPolicy, now: Date): CancellationTerms {
  const freeUntil = new Date(booking.start.getTime() - policy.freeCancelMinutes * 60_000);
  const base = { freeUntil: freeUntil.toISOString(), lateRefundPercent: policy.lateRefundPercent };
  if (booking.status === 'pending_payment') return { ...base, refundableNowCents: 0, cancellableNow: true };
  if (booking.status !== 'confirmed' || now.getTime() >= booking.start.getTime()) return { ...base, refundableNowCents: 0, cancellableNow: false };
  const refundableNowCents =
    now.getTime() < freeUntil.getTime() ? booking.refundableCents : Math.floor((booking.refundableCents * policy.lateRefundPercent) / 100);
  return { ...base, refundableNowCents, cancellableNow: true };
}
