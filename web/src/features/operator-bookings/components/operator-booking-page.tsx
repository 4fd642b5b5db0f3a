import { Link, useParams } from 'react-router';
import type { OperatorBookingDetail, OperatorBookingPayment } from '@aiparksit/shared';
import { PageHeader } from '../../../components/page-header';
import { ResponsiveTable, type TableColumn } from '../../../components/responsive-table';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { ApiError, describeError } from '../../../lib/api-error';
import { formatMoney } from '../../../lib/money';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { formatDuration, formatWindow } from '../../../lib/time-window';
import { BookingStatusBadge } from '../../../shared/bookings';
import { useOperatorBooking } from '../api/operator-bookings';

const PAYMENT_STATUS_LABELS: Record<OperatorBookingPayment['status'], string> = {
  succeeded: 'Paid',
  declined: 'Declined',
  failed: 'Failed',
  refunded: 'Refunded',
  partially_refunded: 'Partly refunded',
};

const EXTENSION_STATUS_LABELS = { pending_payment: 'Waiting for payment', confirmed: 'Paid', expired: 'Lapsed unpaid' } as const;

/** "7 Dec 2026, 14:30" on the car park's clock. */
function localTime(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** "visa" → "Visa ending 4242", as card brands are written. */
function cardText(payment: Pick<OperatorBookingPayment, 'cardBrand' | 'cardLast4'>): string {
  const brand = payment.cardBrand ? payment.cardBrand.charAt(0).toUpperCase() + payment.cardBrand.slice(1) : 'Card';
  return payment.cardLast4 ? `${brand} ending ${payment.cardLast4}` : brand;
}

/** One booking of the operator's car parks, read-only: what was booked, and every payment, refund and extension. */
export function OperatorBookingPage() {
  const { bookingId = '' } = useParams();
  const booking = useOperatorBooking(bookingId);
  usePageTitle(booking.data ? `Booking ${booking.data.code}` : 'Booking');
  const back = (
    <p>
      <Link to="/operator/bookings">← All bookings</Link>
    </p>
  );
  if (booking.isPending) return <LoadingState label="Loading the booking…" />;
  if (booking.isError) {
    if (booking.error instanceof ApiError && booking.error.status === 404) {
      return (
        <>
          {back}
          <EmptyState title="Booking not found">
            <p>There is no such booking at your car parks.</p>
          </EmptyState>
        </>
      );
    }
    return <ErrorState message={describeError(booking.error)} onRetry={() => void booking.refetch()} />;
  }
  const detail = booking.data;
  return (
    <>
      {back}
      <PageHeader eyebrow="Operator · booking" title={detail.code}>
        <p>
          <BookingStatusBadge status={detail.status} /> Read-only: drivers change and cancel their own bookings.
        </p>
      </PageHeader>
      <div className="stack" data-testid="operator-booking">
        <section className="panel" aria-labelledby="booking-facts">
          <h2 id="booking-facts">Booking</h2>
          <BookingFacts detail={detail} />
        </section>
        <section className="panel stack" aria-labelledby="booking-money">
          <h2 id="booking-money">Payments and refunds</h2>
          <Payments detail={detail} />
          <Refunds detail={detail} />
        </section>
      </div>
      {detail.extensions.length > 0 && (
        <section className="panel" aria-labelledby="booking-extensions">
          <h2 id="booking-extensions">Extensions</h2>
          <ResponsiveTable
            testId="booking-extensions"
            rows={detail.extensions}
            rowKey={(extension) => extension.id}
            columns={[
              { key: 'asked', header: 'Asked', primary: true, noWrap: true, cell: (e) => localTime(e.createdAt, detail.facilityTimeZone) },
              { key: 'from', header: 'Was until', noWrap: true, cell: (e) => localTime(e.previousEnd, detail.facilityTimeZone) },
              { key: 'to', header: 'Now until', noWrap: true, cell: (e) => localTime(e.newEnd, detail.facilityTimeZone) },
              { key: 'amount', header: 'Amount', numeric: true, noWrap: true, cell: (e) => formatMoney(e.amountCents, e.currency) },
              { key: 'status', header: 'Status', noWrap: true, cell: (e) => EXTENSION_STATUS_LABELS[e.status] },
            ]}
          />
        </section>
      )}
    </>
  );
}

function BookingFacts({ detail }: { detail: OperatorBookingDetail }) {
  const zone = detail.facilityTimeZone;
  const at = (iso: string) => localTime(iso, zone);
  return (
    <dl className="details">
      <dt>Car park</dt>
      <dd>
        <Link to={`/operator/facilities/${detail.facilityId}`}>{detail.facilityName}</Link>, {detail.facilityCity}
      </dd>
      <dt>When</dt>
      <dd>
        {formatWindow(detail.start, detail.end, zone)} ({formatDuration(detail.start, detail.end)}, {zone} time)
      </dd>
      <dt>Space</dt>
      <dd>
        {detail.spaceLabel} ({SPACE_TYPE_LABELS[detail.spaceType]})
      </dd>
      <dt>Vehicle</dt>
      <dd>{detail.vehiclePlate}</dd>
      <dt>Price</dt>
      <dd>{formatMoney(detail.amountCents, detail.currency)}</dd>
      <dt>Booked</dt>
      <dd>{at(detail.createdAt)}</dd>
      {detail.holdExpiresAt && (
        <>
          <dt>Hold lapses</dt>
          <dd>{at(detail.holdExpiresAt)} unless paid</dd>
        </>
      )}
      {detail.confirmedAt && (
        <>
          <dt>Paid</dt>
          <dd>{at(detail.confirmedAt)}</dd>
        </>
      )}
      {detail.cancelledAt && (
        <>
          <dt>Cancelled</dt>
          <dd>{at(detail.cancelledAt)}</dd>
        </>
      )}
    </dl>
  );
}

function Payments({ detail }: { detail: OperatorBookingDetail }) {
  if (detail.payments.length === 0) return <p className="field__hint">No payment yet.</p>;
  const at = (iso: string) => localTime(iso, detail.facilityTimeZone);
  const columns: TableColumn<OperatorBookingPayment>[] = [
    { key: 'when', header: 'When', primary: true, noWrap: true, cell: (p) => at(p.createdAt) },
    { key: 'for', header: 'For', cell: (p) => (p.purpose === 'extension' ? 'Extension' : 'Booking') },
    { key: 'method', header: 'Method', noWrap: true, cell: (p) => `${cardText(p)}${p.testMode ? ' (test mode)' : ''}` },
    { key: 'amount', header: 'Amount', numeric: true, noWrap: true, cell: (p) => formatMoney(p.amountCents, p.currency) },
    {
      key: 'status',
      header: 'Status',
      cell: (p) =>
        `${PAYMENT_STATUS_LABELS[p.status]}${p.refundedCents > 0 && p.status !== 'refunded' ? `, ${formatMoney(p.refundedCents, p.currency)} back` : ''}${
          p.failureCode ? ` (${p.failureCode.replaceAll('_', ' ')})` : ''
        }`,
    },
  ];
  return <ResponsiveTable testId="booking-payments" caption="Payments" rows={detail.payments} columns={columns} rowKey={(p) => p.id} />;
}

function Refunds({ detail }: { detail: OperatorBookingDetail }) {
  if (detail.refunds.length === 0) return <p className="field__hint">No refunds.</p>;
  const at = (iso: string) => localTime(iso, detail.facilityTimeZone);
  const methodOf = (paymentId: string | null) => {
    const payment = detail.payments.find((p) => p.id === paymentId);
    return payment ? `to ${cardText(payment)}` : '—';
  };
  return (
    <ResponsiveTable
      testId="booking-refunds"
      caption="Refunds"
      rows={detail.refunds}
      rowKey={(r) => `${r.paymentId ?? ''}-${r.refundedAt}`}
      columns={[
        { key: 'when', header: 'Refunded', primary: true, noWrap: true, cell: (r) => at(r.refundedAt) },
        { key: 'to', header: 'To', noWrap: true, cell: (r) => methodOf(r.paymentId) },
        { key: 'amount', header: 'Amount', numeric: true, noWrap: true, cell: (r) => formatMoney(r.amountCents, r.currency) },
      ]}
    />
  );
}
