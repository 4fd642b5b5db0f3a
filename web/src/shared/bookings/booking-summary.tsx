import { Link, useParams } from 'react-router';
import type { BookingView } from '@aiparksit/shared';
import { EmptyState, ErrorState, LoadingState } from '../../components/status';
import { ApiError, describeError } from '../../lib/api-error';
import { formatMoney } from '../../lib/money';
import { SPACE_TYPE_LABELS } from '../../lib/parking-vocabulary';
import { formatDuration, formatWindow } from '../../lib/time-window';
import { useBooking } from './get-booking';

/** Loads a booking by the `:bookingId` route parameter and renders `children` with it. */
export function WithBooking({ children }: { children: (booking: BookingView) => React.ReactNode }) {
  const { bookingId = '' } = useParams();
  const booking = useBooking(bookingId);
  if (booking.isPending) return <LoadingState label="Loading the booking…" />;
  if (booking.isError) {
    if (booking.error instanceof ApiError && booking.error.status === 404)
      return (
        <EmptyState title="Booking not found">
          <p>
            See <Link to="/driver/bookings">your bookings</Link>.
          </p>
        </EmptyState>
      );
    return <ErrorState message={describeError(booking.error)} onRetry={() => void booking.refetch()} />;
  }
  return <>{children(booking.data)}</>;
}

/** "visa" → "Visa", as card brands are written. */
function brandName(brand: string | null): string {
  return brand ? brand.charAt(0).toUpperCase() + brand.slice(1) : 'card';
}

export function BookingSummary({ booking }: { booking: BookingView }) {
  return (
    <dl className="details">
      <dt>Car park</dt>
      <dd>
        {booking.facility.name}, {booking.facility.addressLine}, {booking.facility.city}
      </dd>
      <dt>When</dt>
      <dd>
        {formatWindow(booking.start, booking.end, booking.facility.timeZone)} ({formatDuration(booking.start, booking.end)}, {booking.facility.timeZone} time)
      </dd>
      <dt>Space</dt>
      <dd>
        {SPACE_TYPE_LABELS[booking.spaceType]} · {booking.spaceLabel}
      </dd>
      <dt>Vehicle</dt>
      <dd>{booking.vehiclePlate}</dd>
      <dt>Price</dt>
      <dd>
        {formatMoney(booking.amountCents, booking.currency)}
        {/* One card said here; several (an extension paid with another card) are listed payment by payment. */}
        {booking.payments.length <= 1 && booking.payment?.cardLast4 && ` · paid by ${brandName(booking.payment.cardBrand)} ending ${booking.payment.cardLast4}`}
        {booking.payments.length > 1 && ` · paid in ${booking.payments.length} payments, each listed under Payments`}
        {booking.payment?.testMode && ' (test mode)'}
        {booking.payment && booking.payment.refundedCents > 0 && ` · ${formatMoney(booking.payment.refundedCents, booking.currency)} refunded`}
      </dd>
    </dl>
  );
}
