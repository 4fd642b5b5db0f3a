import { Link } from 'react-router';
import type { BookingView } from '@aiparksit/shared';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { formatMoney } from '../../../lib/money';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { formatWindow } from '../../../lib/time-window';
import { useBookings } from '../api/list-bookings';
import { BookingStatusBadge } from '../../../shared/bookings';
import { CancelBookingButton } from './cancel-booking-button';
import { CancellationTerms } from './cancellation-terms';

function BookingCard({ booking, past }: { booking: BookingView; past?: boolean }) {
  return (
    <li className="booking-card" data-booking-code={booking.code}>
      <div className="booking-card__head">
        <h3>
          <Link to={`/driver/bookings/${booking.id}`}>{booking.facility.name}</Link>
        </h3>
        <BookingStatusBadge status={booking.status} />
      </div>
      <dl className="details details--compact">
        <dt>Code</dt>
        <dd className="booking-code">{booking.code}</dd>
        <dt>When</dt>
        <dd>{formatWindow(booking.start, booking.end, booking.facility.timeZone)}</dd>
        <dt>Where</dt>
        <dd>
          {booking.facility.addressLine}, {booking.facility.city}
        </dd>
        <dt>Space</dt>
        <dd>
          {SPACE_TYPE_LABELS[booking.spaceType]} · {booking.spaceLabel} · {booking.vehiclePlate}
        </dd>
        <dt>Price</dt>
        <dd>{formatMoney(booking.amountCents, booking.currency)}</dd>
      </dl>
      {!past && booking.status === 'confirmed' && (
        <>
          <CancellationTerms booking={booking} />
          <CancelBookingButton booking={booking} />
        </>
      )}
      {booking.status === 'pending_payment' && <Link to={`/driver/checkout/${booking.id}`}>Pay to confirm</Link>}
    </li>
  );
}

export function MyBookingsPage() {
  usePageTitle('My bookings');
  const bookings = useBookings();
  return (
    <>
      <PageHeader eyebrow="Driver" title="My bookings" />
      {bookings.isPending && <LoadingState label="Loading your bookings…" />}
      {bookings.isError && <ErrorState message={describeError(bookings.error)} onRetry={() => void bookings.refetch()} />}
      {bookings.data && (
        <>
          <section className="panel" aria-labelledby="upcoming-heading">
            <h2 id="upcoming-heading">Upcoming</h2>
            {bookings.data.upcoming.length ? (
              <ul className="booking-list">
                {bookings.data.upcoming.map((b) => (
                  <BookingCard key={b.id} booking={b} />
                ))}
              </ul>
            ) : (
              <EmptyState title="No upcoming bookings">
                <p>
                  <Link to="/driver">Find parking</Link> for your next trip.
                </p>
              </EmptyState>
            )}
          </section>
          <section className="panel" aria-labelledby="past-heading">
            <h2 id="past-heading">Past</h2>
            {bookings.data.past.length ? (
              <ul className="booking-list">
                {bookings.data.past.map((b) => (
                  <BookingCard key={b.id} booking={b} past />
                ))}
              </ul>
            ) : (
              <EmptyState title="No past bookings" />
            )}
          </section>
        </>
      )}
    </>
  );
}
