import type { ConnectionState, OperatorDashboardFacility } from '@aiparksit/shared';
import { EmptyState } from '../../../components/status';
import type { OperatorFeed } from '../../../lib/socket';
import { formatMoney } from '../../../lib/money';

const STATE_TEXT: Record<ConnectionState, string> = {
  live: 'Live',
  connecting: 'Connecting…',
  reconnecting: 'Reconnecting…',
  offline: 'Offline: figures refresh every 30 s',
};

/** Bookings and takings pushed on /ws/operator since this page opened, newest first. */
export function LiveFeed({ feed, facilities }: { feed: OperatorFeed & { state: ConnectionState }; facilities: OperatorDashboardFacility[] }) {
  const nameOf = (id: string) => facilities.find((facility) => facility.id === id)?.name ?? 'A car park';
  const revenue = Object.values(feed.revenue);
  return (
    <section className="panel" aria-labelledby="live-feed">
      <h2 id="live-feed">
        Live feed <span className={`badge live-state live-state--${feed.state}`}>{STATE_TEXT[feed.state]}</span>
      </h2>
      {feed.bookings.length === 0 && revenue.length === 0 ? (
        <EmptyState title="Quiet so far">
          <p>New bookings and payments appear here as they happen.</p>
        </EmptyState>
      ) : (
        <ul className="live-feed" aria-live="polite" data-testid="live-feed">
          {revenue.map((update) => (
            <li key={`revenue-${update.facilityId}`} className="live-feed__item">
              <strong>{nameOf(update.facilityId)}</strong>: {formatMoney(update.todayCents, update.currency)} today,{' '}
              {formatMoney(update.monthToDateCents, update.currency)} this month
            </li>
          ))}
          {feed.bookings.map((booking) => (
            <li key={booking.id} className="live-feed__item" data-feed-booking={booking.code}>
              New booking <strong>{booking.code}</strong> at {nameOf(booking.facilityId)}: {booking.vehiclePlate},{' '}
              {formatMoney(booking.amountCents, booking.currency)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
