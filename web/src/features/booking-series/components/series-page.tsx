import { useId, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { BookingSeriesView } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/status';
import { useNow } from '../../../components/use-now';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { formatMoney } from '../../../lib/money';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { formatWindowInZone } from '../../../lib/time-window';
import { BookingStatusBadge } from '../../../shared/bookings';
import { CardForm, HoldCountdown, TestModeHint } from '../../../shared/payments';
import { useCancelSeries } from '../api/cancel-series';
import { useSeries } from '../api/get-series';
import { usePaySeries } from '../api/pay-series';
import { describePattern } from './series-pattern';

/**
 * One weekly series: paying its held stays with one charge while the hold lasts, then what was
 * booked (each stay a booking of its own, with its code) and a way to cancel the rest.
 */
export function SeriesPage() {
  usePageTitle('Weekly booking');
  const { seriesId = '' } = useParams();
  const series = useSeries(seriesId);
  if (series.isPending) return <LoadingState label="Loading your weekly booking…" />;
  if (series.isError) return <ErrorState message={describeError(series.error)} onRetry={() => void series.refetch()} />;
  return <SeriesView series={series.data} />;
}

function SeriesView({ series }: { series: BookingSeriesView }) {
  const id = useId();
  const now = useNow(30_000);
  const held = series.occurrences.filter((o) => o.status === 'pending_payment');
  const holding = held.length > 0 && series.holdExpiresAt !== null && Date.parse(series.holdExpiresAt) > now;
  const paid = series.payment !== null;
  const upcoming = series.occurrences.filter((o) => (o.status === 'confirmed' || o.status === 'pending_payment') && Date.parse(o.start) > now);
  return (
    <>
      <PageHeader eyebrow="Weekly booking" title={series.facility.name} />
      <section className="panel" aria-labelledby={`${id}-summary`}>
        <h2 id={`${id}-summary`}>{describePattern(series.pattern)}</h2>
        {paid && (
          <p className="notice" role="status">
            Paid: {formatMoney(series.payment!.amountCents, series.currency)} in one charge
            {series.payment!.cardLast4 ? ` to the card ending ${series.payment!.cardLast4}` : ''}. We emailed you the list of stays.
            {series.payment!.refundedCents > 0 && ` Refunded so far: ${formatMoney(series.payment!.refundedCents, series.currency)}.`}
          </p>
        )}
        {!paid && !holding && (
          <p className="notice series-lapsed" role="status">
            The hold on these stays has lapsed and nothing was charged. <Link to={`/facilities/${series.facility.id}`}>Book again</Link>.
          </p>
        )}
        <dl className="details">
          <dt>Where</dt>
          <dd>
            {series.facility.addressLine}, {series.facility.city}
          </dd>
          <dt>Space</dt>
          <dd>
            {SPACE_TYPE_LABELS[series.spaceType]} · {series.vehiclePlate}
          </dd>
          <dt>Stays</dt>
          <dd>
            {series.occurrences.length} booked{series.skipped.length > 0 && `, ${series.skipped.length} not free and left out`}
          </dd>
          <dt>Price</dt>
          <dd>{formatMoney(series.totalCents, series.currency)}</dd>
        </dl>
      </section>
      {holding && <PaySection series={series} amountCents={held.reduce((sum, o) => sum + o.amountCents, 0)} />}
      <section className="panel" aria-labelledby={`${id}-stays`}>
        <h2 id={`${id}-stays`}>Stays</h2>
        <ul className="series-occurrences" aria-label="Booked stays">
          {series.occurrences.map((o) => (
            <li key={o.id} className="series-occurrence" data-booking-code={o.code}>
              <span className="series-occurrence__day">
                <Link to={`/driver/bookings/${o.id}`}>{o.code}</Link>
              </span>
              <span className="series-occurrence__time">{formatWindowInZone(o.start, o.end, series.facility.timeZone)}</span>
              <span className="series-occurrence__state">
                <BookingStatusBadge status={o.status} />
              </span>
              <span className="series-occurrence__price">{formatMoney(o.amountCents, o.currency)}</span>
            </li>
          ))}
        </ul>
        {series.skipped.length > 0 && (
          <>
            <h3>Not booked</h3>
            <ul className="series-occurrences" aria-label="Not booked">
              {series.skipped.map((s) => (
                <li key={s.date} className="series-occurrence series-occurrence--refused">
                  <span className="series-occurrence__day">{s.date}</span>
                  <span className="series-occurrence__time">{formatWindowInZone(s.start, s.end, series.facility.timeZone)}</span>
                  <span className="series-occurrence__state">{s.message}</span>
                  <span className="series-occurrence__price">—</span>
                </li>
              ))}
            </ul>
          </>
        )}
        {/* Mounted while paid, so the outcome of cancelling stays said once nothing is left to cancel. */}
        {paid && <CancelRest series={series} count={upcoming.length} />}
      </section>
    </>
  );
}

function PaySection({ series, amountCents }: { series: BookingSeriesView; amountCents: number }) {
  const id = useId();
  const pay = usePaySeries(series.id);
  const amount = formatMoney(amountCents, series.currency);
  return (
    <section className="panel" aria-labelledby={`${id}-pay`}>
      <h2 id={`${id}-pay`}>Pay once for every stay</h2>
      <p className="total">
        To pay: <strong data-testid="amount-due">{amount}</strong>
      </p>
      <HoldCountdown expiresAt={series.holdExpiresAt!} />
      <TestModeHint />
      <CardForm amountLabel={amount} pending={pay.isPending} error={pay.error} onPay={(card) => pay.mutate(card)} />
    </section>
  );
}

/** Cancels every stay not yet started, after saying so; each is refunded by the booking's own terms. */
function CancelRest({ series, count }: { series: BookingSeriesView; count: number }) {
  const cancel = useCancelSeries();
  const [confirming, setConfirming] = useState(false);
  if (cancel.isSuccess)
    return (
      <p className="notice" role="status" data-testid="series-cancelled">
        Cancelled {cancel.data.cancelledCount} stays. {formatMoney(cancel.data.refundedCents, series.currency)} will be refunded to your card.
      </p>
    );
  if (count === 0) return null;
  return (
    <div className="cancel">
      <FormAlert message={cancel.isError ? describeError(cancel.error) : null} />
      {confirming ? (
        <div className="cancel__confirm" role="group" aria-label="Confirm cancellation">
          <p>Cancel the {count} stays that have not started? Each is refunded by its own cancellation terms, as if cancelled one by one.</p>
          <button type="button" className="button button--danger" onClick={() => cancel.mutate(series.id)} disabled={cancel.isPending} autoFocus>
            {cancel.isPending ? 'Cancelling…' : `Yes, cancel ${count} stays`}
          </button>{' '}
          <button type="button" className="button button--ghost" onClick={() => setConfirming(false)} disabled={cancel.isPending}>
            Keep them
          </button>
        </div>
      ) : (
        <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
          Cancel the rest of the series
        </button>
      )}
    </div>
  );
}
