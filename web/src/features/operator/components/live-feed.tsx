import type { ConnectionState, OperatorDashboardFacility } from '@aiparksit/shared';
import { EmptyState } from '../../../components/status';
import type { OperatorFeed, OperatorFeedEntry, OperatorFeedHappening } from '../../../lib/socket';
import { formatMoney } from '../../../lib/money';
import { formatClock } from '../../../lib/time-window';

const STATE_TEXT: Record<ConnectionState, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline: figures refresh every 30 s',
};

/** The word for what happened, first on each line, so the feed reads at a glance. */
export const HAPPENED_LABELS: Record<OperatorFeedHappening, string> = {
  hold: 'Hold',
  booked: 'Booked',
  paid: 'Paid',
  cancelled: 'Cancelled',
  expired: 'Expired',
  extended: 'Extended',
  completed: 'Completed',
  changed: 'Changed',
};

/** What the line adds after the booking, in words. */
const HAPPENED_NOTES: Partial<Record<OperatorFeedHappening, string>> = {
  hold: 'waiting for payment',
  expired: 'the hold lapsed unpaid',
};

const clock = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short' });

/** Bookings and takings pushed on /ws/operator since this page opened, newest first; a booking's line changes as it does. */
export function LiveFeed({ feed, facilities }: { feed: OperatorFeed & { state: ConnectionState }; facilities: OperatorDashboardFacility[] }) {
  const facilityOf = (id: string) => facilities.find((facility) => facility.id === id);
  const revenue = Object.values(feed.revenue);
  return (
    <section className="panel" aria-labelledby="live-feed">
      <h2 id="live-feed">
        Live feed <span className={`badge live-state live-state--${feed.state}`}>{STATE_TEXT[feed.state]}</span>
      </h2>
      {feed.bookings.length === 0 && revenue.length === 0 ? (
        <EmptyState title="Quiet so far">
          <p>Holds, payments, cancellations and extensions appear here as they happen.</p>
        </EmptyState>
      ) : (
        <ul className="live-feed" aria-live="polite" data-testid="live-feed">
          {feed.bookings.map((entry) => (
            <FeedLine
              key={entry.booking.id}
              entry={entry}
              facilityName={facilityOf(entry.booking.facilityId)?.name}
              timeZone={facilityOf(entry.booking.facilityId)?.timeZone}
            />
          ))}
          {revenue.map((update) => (
            <li key={`revenue-${update.facilityId}`} className="live-feed__item">
              <span className="feed-tag feed-tag--revenue">Takings</span>
              <span>
                <strong>{facilityOf(update.facilityId)?.name ?? 'A car park'}</strong>: {formatMoney(update.todayCents, update.currency)} today,{' '}
                {formatMoney(update.monthToDateCents, update.currency)} this month
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function FeedLine({ entry, facilityName, timeZone }: { entry: OperatorFeedEntry; facilityName: string | undefined; timeZone: string | undefined }) {
  const { booking, happened } = entry;
  const note = happened === 'extended' ? `now until ${formatClock(booking.end, timeZone)}` : HAPPENED_NOTES[happened];
  return (
    <li className="live-feed__item" data-feed-booking={booking.code} data-feed-happened={happened}>
      <span className={`feed-tag feed-tag--${happened}`}>{HAPPENED_LABELS[happened]}</span>
      <span>
        <strong>{booking.code}</strong> at {facilityName ?? 'a car park'}: {booking.vehiclePlate}, {formatMoney(booking.amountCents, booking.currency)}
        {note && <span className="live-feed__note"> — {note}</span>}
      </span>
      <time className="live-feed__time" dateTime={entry.at}>
        {clock.format(new Date(entry.at))}
      </time>
    </li>
  );
}
