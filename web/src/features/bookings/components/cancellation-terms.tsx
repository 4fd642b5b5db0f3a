import type { BookingView } from '@aiparksit/shared';
import { formatMoney } from '../../../lib/money';
import { formatWindow } from '../../../lib/time-window';

/** The stated policy in words: free until a time, then a share, never after the start. */
export function cancellationSummary(booking: BookingView): string {
  const { cancellation } = booking;
  const freeUntil = formatWindow(cancellation.freeUntil, cancellation.freeUntil, booking.facility.timeZone).split(' – ')[0];
  const late = cancellation.lateRefundPercent > 0 ? `after that, ${cancellation.lateRefundPercent}% is refunded until the start` : 'no refund after that';
  return `Free cancellation until ${freeUntil}; ${late}.`;
}

export function CancellationTerms({ booking }: { booking: BookingView }) {
  const { cancellation } = booking;
  return (
    <p className="terms">
      {cancellationSummary(booking)}{' '}
      {cancellation.cancellableNow
        ? `Cancelling now refunds ${formatMoney(cancellation.refundableNowCents, booking.currency)}.`
        : 'This booking can no longer be cancelled.'}
    </p>
  );
}
