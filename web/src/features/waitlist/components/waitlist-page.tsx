import { Link } from 'react-router';
import type { WaitlistEntryView } from '@aiparksit/shared';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { useNow } from '../../../components/use-now';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { formatMoney } from '../../../lib/money';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { formatDuration, formatWindowInZone } from '../../../lib/time-window';
import { facilityPagePath } from '../../../shared/facilities';
import { WAITLIST_STATE_LABELS, entryStateOf, holdEndsText, isStillInLine, ordinal, useWaitlist } from '../../../shared/waitlist';
import { LeaveWaitlistButton } from './leave-waitlist-button';

/**
 * The driver's waitlist: the stays they wait for at full car parks, in line first, then the ones
 * that ended (booked, lapsed, left, expired). An offer arrives live on the driver's socket, and
 * the list is also read again every few seconds while one waits or holds an offer.
 */
export function WaitlistPage() {
  usePageTitle('My waitlist');
  const waitlist = useWaitlist();
  const items = waitlist.data?.items ?? [];
  const inLine = items.filter(isStillInLine);
  const ended = items.filter((entry) => !isStillInLine(entry));
  return (
    <>
      <PageHeader eyebrow="Driver" title="My waitlist">
        <p>When a full car park has a space free for your whole stay, we hold it for you and email you a link to pay.</p>
      </PageHeader>
      <section className="panel" aria-label="Waitlist entries" aria-busy={waitlist.isFetching}>
        {waitlist.isPending && <LoadingState label="Loading your waitlist…" />}
        {waitlist.isError && <ErrorState message={describeError(waitlist.error)} onRetry={() => void waitlist.refetch()} />}
        {waitlist.data && items.length === 0 && (
          <EmptyState title="You are not waiting for any space">
            <p>
              When a car park is full for your stay, choose “Tell me when a space frees” on its page. <Link to="/">Find parking</Link>
            </p>
          </EmptyState>
        )}
        {inLine.length > 0 && (
          <>
            <h2 className="booking-group">In line</h2>
            <EntryList entries={inLine} />
          </>
        )}
        {ended.length > 0 && (
          <>
            <h2 className="booking-group">Earlier</h2>
            <EntryList entries={ended} />
          </>
        )}
      </section>
    </>
  );
}

function EntryList({ entries }: { entries: WaitlistEntryView[] }) {
  return (
    <ul className="waitlist-list">
      {entries.map((entry) => (
        <EntryCard key={entry.id} entry={entry} />
      ))}
    </ul>
  );
}

function EntryCard({ entry }: { entry: WaitlistEntryView }) {
  // The hold's minutes left move on while the page is open.
  const now = useNow(5_000);
  const state = entryStateOf(entry, now);
  return (
    <li className={`waitlist-entry waitlist-entry--${state.kind}`} data-entry-id={entry.id} data-state={state.kind}>
      <div className="waitlist-entry__head">
        <h3>
          <Link to={facilityPagePath(entry.facility.id, entry, entry.spaceType)}>{entry.facility.name}</Link>
        </h3>
        <span className={`badge badge--waitlist-${state.kind}`} data-testid="waitlist-status">
          {WAITLIST_STATE_LABELS[state.kind]}
        </span>
      </div>
      <p className="waitlist-entry__address">
        {entry.facility.addressLine}, {entry.facility.city}
      </p>
      <dl className="details details--compact">
        <dt>When</dt>
        <dd>
          {formatWindowInZone(entry.start, entry.end, entry.facility.timeZone)} ({formatDuration(entry.start, entry.end)})
        </dd>
        <dt>Space</dt>
        <dd>
          {SPACE_TYPE_LABELS[entry.spaceType]} · {entry.vehiclePlate}
        </dd>
        <dt>Price</dt>
        <dd>{formatMoney(entry.amountCents, entry.currency)}</dd>
        {state.kind === 'waiting' && (
          <>
            <dt>Place in line</dt>
            <dd className="waitlist-entry__position" data-testid="waitlist-position">
              {state.position === null ? 'In line' : ordinal(state.position)}
            </dd>
          </>
        )}
      </dl>
      {state.kind === 'waiting' && <LeaveWaitlistButton entry={entry} />}
      {state.kind === 'offered' && (
        <div className="waitlist-entry__offer" role="status">
          <p>
            <strong>A space freed up and is held for you</strong>
            {state.holdExpiresAt && <> {holdEndsText(state.holdExpiresAt, now)}</>}. Pay before then, or it goes to the next in line.
          </p>
          <Link className="button button--primary" to={`/driver/checkout/${state.bookingId}`}>
            Pay now to keep it
          </Link>
        </div>
      )}
      {state.kind === 'booked' && state.bookingId && (
        <p>
          <Link to={`/driver/bookings/${state.bookingId}`}>See the booking</Link>
        </p>
      )}
      {state.kind === 'lapsed' && <p className="terms">The space was held for you but not paid in time, so it went to the next in line.</p>}
      {state.kind === 'expired' && <p className="terms">The stay began before a space freed.</p>}
    </li>
  );
}
