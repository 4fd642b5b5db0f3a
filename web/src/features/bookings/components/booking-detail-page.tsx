import { useId, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { bookingSeriesPagePath, type BookingView } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { QrCode } from '../../../components/qr-code';
import { useNow } from '../../../components/use-now';
import { usePageTitle } from '../../../components/use-page-title';
import { ApiError, describeError } from '../../../lib/api-error';
import { formatMoney } from '../../../lib/money';
import { formatWindow, instantToWallClock, wallClockToIso } from '../../../lib/time-window';
import { useExtendBooking } from '../api/extend-booking';
import { useUpdateVehicle } from '../api/update-vehicle';
import { BookingStatusBadge, BookingSummary, WithBooking } from '../../../shared/bookings';
import { BookingPayments } from './booking-payments';
import { CancelBookingButton } from './cancel-booking-button';
import { CancellationTerms } from './cancellation-terms';

/** The code as text and as a QR code, for the gate. */
export function BookingPass({ booking }: { booking: BookingView }) {
  return (
    <div className="pass">
      <QrCode value={booking.code} label={`QR code of booking ${booking.code}`} />
      <div>
        <p className="pass__label">Booking code</p>
        <p className="booking-code booking-code--large" data-testid="booking-code">
          {booking.code}
        </p>
        <p>Show it or type it in at the entrance.</p>
      </div>
    </div>
  );
}

function VehicleForm({ booking }: { booking: BookingView }) {
  const update = useUpdateVehicle(booking.id);
  const formRef = useRef<HTMLFormElement>(null);
  const fields = update.error instanceof ApiError ? update.error.fieldMessages : {};
  const message = update.error ? (Object.keys(fields).length ? 'Please correct the plate.' : describeError(update.error)) : null;
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    update.mutate({ vehiclePlate: String(new FormData(event.currentTarget).get('vehiclePlate') ?? '').trim() });
  }
  return (
    <form ref={formRef} className="form form--inline" onSubmit={submit} noValidate>
      <FormAlert message={message} />
      <FormField label="Vehicle plate" name="vehiclePlate" defaultValue={booking.vehiclePlate} autoCapitalize="characters" errors={fields['vehiclePlate']} />
      <button type="submit" className="button button--secondary" disabled={update.isPending}>
        {update.isPending ? 'Saving…' : 'Change plate'}
      </button>
      {update.isSuccess && <p role="status">Plate changed to {update.data.vehiclePlate}.</p>}
    </form>
  );
}

function ExtendForm({ booking }: { booking: BookingView }) {
  const id = useId();
  const extend = useExtendBooking(booking.id);
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const suggested = instantToWallClock(new Date(Date.parse(booking.end) + 3_600_000).toISOString(), booking.facility.timeZone);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const end = wallClockToIso(String(new FormData(event.currentTarget).get('end') ?? ''), booking.facility.timeZone);
    if (!end || Date.parse(end) <= Date.parse(booking.end)) {
      setProblem('Choose a time after the current end.');
      return;
    }
    setProblem(null);
    extend.mutate({ end }, { onSuccess: (extension) => void navigate(`/driver/checkout/${booking.id}/extension`, { state: { extension } }) });
  }
  const conflict = extend.error instanceof ApiError && extend.error.status === 409;
  return (
    <form className="form form--inline" onSubmit={submit} noValidate>
      <FormAlert
        message={problem ?? (conflict ? 'Your space is taken for that time. Try a shorter extension.' : extend.error ? describeError(extend.error) : null)}
      />
      <div className="field">
        <label htmlFor={`${id}-end`}>New end ({booking.facility.timeZone})</label>
        <input id={`${id}-end`} name="end" type="datetime-local" step={900} defaultValue={suggested} />
      </div>
      <button type="submit" className="button button--secondary" disabled={extend.isPending}>
        {extend.isPending ? 'Checking…' : 'Extend'}
      </button>
    </form>
  );
}

export function BookingDetailPage() {
  usePageTitle('Booking');
  // Read once a render is pure; the minute tick takes the forms away when the booking starts or ends.
  const now = useNow(60_000);
  return (
    <WithBooking>
      {(booking) => {
        const active = booking.status === 'confirmed' && Date.parse(booking.end) > now;
        const beforeStart = Date.parse(booking.start) > now;
        return (
          <>
            <PageHeader eyebrow="Booking" title={booking.facility.name}>
              <BookingStatusBadge status={booking.status} />
            </PageHeader>
            <section className="panel">
              {booking.status === 'confirmed' && <BookingPass booking={booking} />}
              <BookingSummary booking={booking} />
              {booking.seriesId && (
                <p>
                  One stay of a <Link to={bookingSeriesPagePath(booking.seriesId)}>weekly series</Link>: see all its stays, or cancel the rest of them.
                </p>
              )}
              {booking.status === 'pending_payment' && (
                <p>
                  {/* A series is paid at once, on its own page. */}
                  <Link to={booking.seriesId ? bookingSeriesPagePath(booking.seriesId) : `/driver/checkout/${booking.id}`}>Pay to confirm this booking</Link>
                </p>
              )}
            </section>
            {active && (
              <section className="panel" aria-labelledby="change-heading">
                <h2 id="change-heading">Change</h2>
                {beforeStart && <VehicleForm booking={booking} />}
                {/* A pass covers its whole month: it is not extended like a stay. */}
                {!booking.passId && (
                  <>
                    <h3>Stay longer</h3>
                    <ExtendForm booking={booking} />
                  </>
                )}
              </section>
            )}
            {booking.status === 'cancelled' && (
              <p className="notice" role="status">
                Cancelled{booking.cancelledAt ? ` on ${formatWindow(booking.cancelledAt, booking.cancelledAt, booking.facility.timeZone).split(' – ')[0]}` : ''}
                .{' '}
                {booking.payment && booking.payment.refundedCents > 0
                  ? `${formatMoney(booking.payment.refundedCents, booking.currency)} refunded to ${booking.payments.filter((p) => p.refundedCents > 0).length > 1 ? 'your cards' : 'your card'}; it reaches the card within 5–10 business days, depending on the bank.`
                  : 'Nothing was refunded.'}
              </p>
            )}
            <BookingPayments booking={booking} />
            {booking.status === 'confirmed' && (
              <section className="panel" aria-labelledby="cancel-heading">
                <h2 id="cancel-heading">Cancellation</h2>
                {booking.passId ? (
                  <p>
                    This is a monthly pass: cancel it before its month starts for a full refund, on <Link to="/driver/passes">My passes</Link>.
                  </p>
                ) : (
                  <>
                    <CancellationTerms booking={booking} />
                    <CancelBookingButton booking={booking} />
                  </>
                )}
              </section>
            )}
            <p>
              <Link to="/driver/bookings">All my bookings</Link>
            </p>
          </>
        );
      }}
    </WithBooking>
  );
}

export function ConfirmationPage() {
  usePageTitle('Booking confirmed');
  return (
    <WithBooking>
      {(booking) => (
        <>
          <PageHeader eyebrow="All set" title={booking.status === 'confirmed' ? 'Booking confirmed' : 'Booking'}>
            <p>We have emailed the confirmation with your code.</p>
          </PageHeader>
          <section className="panel">
            <BookingPass booking={booking} />
            <BookingSummary booking={booking} />
            <CancellationTerms booking={booking} />
          </section>
          <p>
            <Link to={`/driver/bookings/${booking.id}`} className="button button--secondary">
              Manage this booking
            </Link>{' '}
            <Link to="/driver/bookings" className="button button--ghost">
              My bookings
            </Link>
          </p>
        </>
      )}
    </WithBooking>
  );
}
