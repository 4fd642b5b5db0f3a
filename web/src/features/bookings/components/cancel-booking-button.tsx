import { useState } from 'react';
import type { BookingView } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { describeError } from '../../../lib/api-error';
import { formatMoney } from '../../../lib/money';
import { useCancelBooking } from '../api/cancel-booking';

/** Cancel with a confirmation step that states the refund before anything happens. */
export function CancelBookingButton({ booking }: { booking: BookingView }) {
  const cancel = useCancelBooking();
  const [confirming, setConfirming] = useState(false);
  // First: once cancelled, the booking itself is no longer cancellable, but the outcome stays said.
  if (cancel.isSuccess)
    return (
      <p className="notice" role="status">
        Cancelled. {formatMoney(cancel.data.refundedCents, booking.currency)} will be refunded to your card.
      </p>
    );
  if (!booking.cancellation.cancellableNow || !['confirmed', 'pending_payment'].includes(booking.status)) return null;
  const refund = formatMoney(booking.cancellation.refundableNowCents, booking.currency);
  return (
    <div className="cancel">
      <FormAlert message={cancel.isError ? describeError(cancel.error) : null} />
      {confirming ? (
        <div className="cancel__confirm" role="group" aria-label="Confirm cancellation">
          <p>
            Cancel booking {booking.code}? You get {refund} back.
          </p>
          <button type="button" className="button button--danger" onClick={() => cancel.mutate(booking.id)} disabled={cancel.isPending} autoFocus>
            {cancel.isPending ? 'Cancelling…' : `Yes, cancel and refund ${refund}`}
          </button>{' '}
          <button type="button" className="button button--ghost" onClick={() => setConfirming(false)} disabled={cancel.isPending}>
            Keep booking
          </button>
        </div>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          Cancel booking
        </button>
      )}
    </div>
  );
}
