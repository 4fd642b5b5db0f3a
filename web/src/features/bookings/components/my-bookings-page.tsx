import { Link, useSearchParams } from 'react-router';
import { BOOKING_LIST_FILTERS, bookingSeriesPagePath, type BookingListFilter, type BookingView } from '@aiparksit/shared';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { useNow } from '../../../components/use-now';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { formatMoney } from '../../../lib/money';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { formatWindow } from '../../../lib/time-window';
import { useBookings } from '../api/list-bookings';
import { BookingStatusBadge } from '../../../shared/bookings';
import { CancelBookingButton } from './cancel-booking-button';
import { CancellationTerms } from './cancellation-terms';

export const BOOKINGS_PAGE_SIZE = 10;

const FILTER_LABELS: Record<BookingListFilter, string> = { all: 'All', upcoming: 'Upcoming', past: 'Past', cancelled: 'Cancelled' };

const EMPTY: Record<BookingListFilter, string> = {
  all: 'No bookings yet',
  upcoming: 'No upcoming bookings',
  past: 'No past bookings',
  cancelled: 'No cancelled bookings',
};

function isFilter(value: string | null): value is BookingListFilter {
  return (BOOKING_LIST_FILTERS as readonly string[]).includes(value ?? '');
}

/** Held or paid and not over: the API's own rule for "upcoming". */
function isUpcoming(booking: BookingView, now: number): boolean {
  return (booking.status === 'pending_payment' || booking.status === 'confirmed') && Date.parse(booking.end) > now;
}

function BookingCard({ booking, upcoming }: { booking: BookingView; upcoming: boolean }) {
  return (
    <li className="booking-card" data-booking-code={booking.code}>
      <div className="booking-card__head">
        <h3>
          <Link to={`/driver/bookings/${booking.id}`}>{booking.facility.name}</Link>
          {booking.passId && <span className="tag"> Monthly pass</span>}
        </h3>
        <BookingStatusBadge status={booking.status} />
        {booking.seriesId && (
          <Link to={bookingSeriesPagePath(booking.seriesId)} className="badge badge--series">
            Weekly series
          </Link>
        )}
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
      {/* A pass is cancelled by its own terms, on the passes page. */}
      {upcoming && booking.passId && <Link to="/driver/passes">Manage the pass</Link>}
      {upcoming && booking.status === 'confirmed' && !booking.passId && (
        <>
          <CancellationTerms booking={booking} />
          <CancelBookingButton booking={booking} />
        </>
      )}
      {upcoming && booking.status === 'pending_payment' && (
        // A series is paid at once, on its own page.
        <Link to={booking.seriesId ? bookingSeriesPagePath(booking.seriesId) : `/driver/checkout/${booking.id}`}>Pay to confirm</Link>
      )}
      {upcoming && booking.seriesId && booking.status === 'confirmed' && (
        <Link to={bookingSeriesPagePath(booking.seriesId)}>The whole series (cancel the rest)</Link>
      )}
    </li>
  );
}

/** The page's bookings, under an "Upcoming" and a "Past" heading where the list crosses from one to the other. */
function BookingGroups({ bookings, filter }: { bookings: BookingView[]; filter: BookingListFilter }) {
  // The minute tick moves a booking that ends while the page is open under "Past".
  const now = useNow(60_000);
  const upcoming = bookings.filter((b) => isUpcoming(b, now));
  const rest = bookings.filter((b) => !isUpcoming(b, now));
  const list = (items: BookingView[], areUpcoming: boolean) => (
    <ul className="booking-list">
      {items.map((b) => (
        <BookingCard key={b.id} booking={b} upcoming={areUpcoming} />
      ))}
    </ul>
  );
  if (filter !== 'all') return list(bookings, filter === 'upcoming');
  return (
    <>
      {upcoming.length > 0 && (
        <>
          <h2 className="booking-group">Upcoming</h2>
          {list(upcoming, true)}
        </>
      )}
      {rest.length > 0 && (
        <>
          <h2 className="booking-group">Past and cancelled</h2>
          {list(rest, false)}
        </>
      )}
    </>
  );
}

/**
 * The driver's bookings, a page at a time: upcoming first (soonest first), then past (latest
 * first). The filter and the page are in the URL, so a reload, a shared link and Back keep them.
 */
export function MyBookingsPage() {
  usePageTitle('My bookings');
  const [params, setParams] = useSearchParams();
  const filterParam = params.get('filter');
  const filter: BookingListFilter = isFilter(filterParam) ? filterParam : 'all';
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const bookings = useBookings({ filter, page, pageSize: BOOKINGS_PAGE_SIZE });
  const lastPage = bookings.data ? Math.max(1, Math.ceil(bookings.data.total / BOOKINGS_PAGE_SIZE)) : 1;

  const hrefOf = (next: { filter?: BookingListFilter; page?: number }) => {
    const search = new URLSearchParams();
    const nextFilter = next.filter ?? filter;
    if (nextFilter !== 'all') search.set('filter', nextFilter);
    if ((next.page ?? 1) > 1) search.set('page', String(next.page));
    const text = search.toString();
    return text ? `?${text}` : '';
  };
  const goToPage = (next: number) => {
    setParams(new URLSearchParams(hrefOf({ page: next }).slice(1)));
    window.scrollTo({ top: 0 });
  };

  return (
    <>
      <PageHeader eyebrow="Driver" title="My bookings" />
      <nav className="booking-filters" aria-label="Show bookings">
        {BOOKING_LIST_FILTERS.map((f) => (
          <Link key={f} to={{ search: hrefOf({ filter: f, page: 1 }) }} className="booking-filters__item" aria-current={f === filter ? 'page' : undefined}>
            {FILTER_LABELS[f]}
            {bookings.data && <span className="booking-filters__count"> {bookings.data.counts[f]}</span>}
          </Link>
        ))}
      </nav>
      <section className="panel" aria-label={`${FILTER_LABELS[filter]} bookings`} aria-busy={bookings.isFetching}>
        {bookings.isPending && <LoadingState label="Loading your bookings…" />}
        {bookings.isError && <ErrorState message={describeError(bookings.error)} onRetry={() => void bookings.refetch()} />}
        {bookings.data && bookings.data.items.length === 0 && (
          <EmptyState title={page > 1 && bookings.data.total > 0 ? 'No bookings on this page' : EMPTY[filter]}>
            {page > 1 && bookings.data.total > 0 ? (
              <p>
                <Link to={{ search: hrefOf({ page: 1 }) }}>Back to the first page</Link>
              </p>
            ) : (
              <p>
                <Link to="/driver">Find parking</Link> for your next trip.
              </p>
            )}
          </EmptyState>
        )}
        {bookings.data && bookings.data.items.length > 0 && (
          <>
            <BookingGroups bookings={bookings.data.items} filter={filter} />
            {lastPage > 1 && (
              <nav className="pager" aria-label="Booking pages">
                <button type="button" className="button button--ghost" disabled={page <= 1} onClick={() => goToPage(page - 1)}>
                  Previous
                </button>
                <span>
                  {/* The page on screen, which is the previous one until the next has arrived. */}
                  Page {bookings.data.page} of {lastPage} · {bookings.data.total} bookings
                </span>
                <button type="button" className="button button--ghost" disabled={page >= lastPage} onClick={() => goToPage(page + 1)}>
                  Next
                </button>
              </nav>
            )}
          </>
        )}
      </section>
    </>
  );
}
