import { Link } from 'react-router';
import type { PassView } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { formatMoney } from '../../../lib/money';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { formatWindowInZone } from '../../../lib/time-window';
import { monthName, useCancelPass, usePasses } from '../../../shared/passes';

const STATUS_LABELS: Record<PassView['status'], string> = {
  pending_payment: 'Awaiting payment',
  confirmed: 'Paid',
  completed: 'Used',
  cancelled: 'Cancelled',
  expired: 'Not paid in time',
};

/** The driver's monthly passes, the latest month first: pay a held one, cancel one before its month. */
export function PassesPage() {
  usePageTitle('My passes');
  const passes = usePasses();
  const items = passes.data?.items ?? [];
  return (
    <>
      <PageHeader eyebrow="Driver" title="My passes">
        <p>A monthly pass keeps a space for you for a whole calendar month, with unlimited entries while the car park is open.</p>
      </PageHeader>
      <section className="panel" aria-label="Monthly passes" aria-busy={passes.isFetching}>
        {passes.isPending && <LoadingState label="Loading your passes…" />}
        {passes.isError && <ErrorState message={describeError(passes.error)} onRetry={() => void passes.refetch()} />}
        {passes.data && items.length === 0 && (
          <EmptyState title="You have no monthly passes">
            <p>
              Car parks that sell them show “Monthly pass” on their page. <Link to="/">Find parking</Link>
            </p>
          </EmptyState>
        )}
        {items.length > 0 && (
          <ul className="pass-list">
            {items.map((pass) => (
              <PassCard key={pass.id} pass={pass} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

function PassCard({ pass }: { pass: PassView }) {
  const cancel = useCancelPass();
  const refunded = cancel.data?.pass.id === pass.id ? cancel.data.refundedCents : null;
  return (
    <li className="pass-card" data-pass-id={pass.id} data-status={pass.status}>
      <div className="pass-card__head">
        <h3>
          {monthName(pass.month)} · <Link to={`/facilities/${pass.facility.id}`}>{pass.facility.name}</Link>
        </h3>
        <span className="badge">{STATUS_LABELS[pass.status]}</span>
      </div>
      <p>
        {pass.facility.addressLine}, {pass.facility.city}
      </p>
      <dl className="details details--compact">
        <dt>Period</dt>
        <dd>{formatWindowInZone(pass.start, pass.end, pass.facility.timeZone)}</dd>
        <dt>Space</dt>
        <dd>
          {SPACE_TYPE_LABELS[pass.spaceType]} · {pass.vehiclePlate}
        </dd>
        <dt>Code</dt>
        <dd>{pass.booking.code}</dd>
        <dt>Price</dt>
        <dd>{formatMoney(pass.amountCents, pass.currency)}</dd>
      </dl>
      <FormAlert message={cancel.error ? describeError(cancel.error) : null} />
      {refunded !== null && <p role="status">{refunded > 0 ? `Cancelled: ${formatMoney(refunded, pass.currency)} goes back to your card.` : 'Cancelled.'}</p>}
      <div className="pass-card__actions">
        {pass.status === 'pending_payment' && (
          <Link className="button button--primary" to={`/driver/checkout/${pass.booking.id}`}>
            Pay now
          </Link>
        )}
        {pass.status === 'confirmed' && (
          <Link className="button button--secondary" to={`/driver/bookings/${pass.booking.id}`}>
            Show the QR code
          </Link>
        )}
        {pass.cancellableNow && (
          <button
            type="button"
            className="button button--secondary"
            disabled={cancel.isPending}
            onClick={() => {
              const refund = pass.refundableNowCents > 0 ? ` ${formatMoney(pass.refundableNowCents, pass.currency)} goes back to your card.` : '';
              if (window.confirm(`Cancel the pass for ${monthName(pass.month)}?${refund}`)) cancel.mutate(pass.id);
            }}
          >
            {pass.status === 'pending_payment' ? 'Drop this pass' : 'Cancel and refund'}
          </button>
        )}
      </div>
    </li>
  );
}
