import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { OperatorDashboard, OperatorDashboardBooking } from '@aiparksit/shared';
import { PageHeader } from '../../../components/page-header';
import { ResponsiveTable, type TableColumn } from '../../../components/responsive-table';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { formatMoney } from '../../../lib/money';
import { useOperatorFeed } from '../../../lib/socket';
import { formatWindowCompact } from '../../../lib/time-window';
import { BookingStatusBadge } from '../../../shared/bookings';
import { useDashboard } from '../../../shared/operator-dashboard';
import { LiveFeed } from './live-feed';
import { OccupancyOutlook } from './occupancy-outlook';

/** The operator's dashboard: today's figures, the live feed, recent bookings, the 14-day outlook, then `trends` (the app puts analytics there). */
export function OperatorHome({ trends }: { trends?: ReactNode }) {
  usePageTitle('Dashboard');
  const dashboard = useDashboard();
  const feed = useOperatorFeed();
  if (dashboard.isPending) return <LoadingState label="Loading your dashboard…" />;
  if (dashboard.isError) return <ErrorState message={describeError(dashboard.error)} onRetry={() => void dashboard.refetch()} />;
  const data = dashboard.data;
  if (!data) {
    return (
      <>
        <PageHeader eyebrow="Operator" title="Welcome to AIParksit" />
        <section className="panel">
          <EmptyState title="Start with onboarding">
            <p>Tell us about your company and payout account; once an administrator approves it, your car parks can be listed.</p>
            <Link className="button button--primary" to="/operator/onboarding">
              Start onboarding
            </Link>
          </EmptyState>
        </section>
      </>
    );
  }
  return (
    <>
      <PageHeader eyebrow="Operator" title={data.operator.displayName}>
        <p>
          Figures as of <time dateTime={data.generatedAt}>{new Intl.DateTimeFormat('en-GB', { timeStyle: 'medium' }).format(new Date(data.generatedAt))}</time>;
          they update by themselves.
        </p>
      </PageHeader>
      {data.operator.status !== 'approved' && (
        <p className="notice" data-testid="onboarding-notice">
          {data.operator.status === 'submitted' ? 'Your application is being reviewed. ' : 'Your application is not complete yet. '}
          <Link to="/operator/onboarding">Onboarding</Link>
        </p>
      )}
      <KpiCards dashboard={data} />
      <div className="dashboard-grid dashboard-grid--home">
        <LiveFeed feed={feed} facilities={data.facilities} />
        <RecentBookings dashboard={data} />
      </div>
      <OccupancyOutlook facilities={data.facilities} />
      {trends}
    </>
  );
}

function KpiCards({ dashboard }: { dashboard: OperatorDashboard }) {
  const { occupancyNow, revenue, today } = dashboard;
  const money = (pick: (row: OperatorDashboard['revenue'][number]) => number) =>
    revenue.length ? revenue.map((row) => formatMoney(pick(row), row.currency)).join(' · ') : formatMoney(0);
  const cards = [
    { id: 'occupancy', label: 'Occupied now', value: `${occupancyNow.occupied} / ${occupancyNow.capacity}`, note: `${occupancyNow.percent} %` },
    { id: 'revenue-today', label: 'Revenue today', value: money((row) => row.todayGrossCents), note: `net ${money((row) => row.todayNetCents)}` },
    { id: 'revenue-month', label: 'Month to date', value: money((row) => row.monthGrossCents), note: `net ${money((row) => row.monthNetCents)}` },
    { id: 'arrivals', label: 'Arrivals today', value: String(today.arrivals), note: 'bookings starting' },
    { id: 'departures', label: 'Departures today', value: String(today.departures), note: 'bookings ending' },
  ];
  return (
    <section aria-label="Today at a glance" className="kpis">
      {cards.map((card) => (
        <div key={card.id} className="card kpi" data-kpi={card.id}>
          <p className="kpi__label">{card.label}</p>
          <p className="kpi__value" aria-live="polite">
            {card.value}
          </p>
          <p className="kpi__note">{card.note}</p>
        </div>
      ))}
    </section>
  );
}

function RecentBookings({ dashboard }: { dashboard: OperatorDashboard }) {
  const zoneOf = (facilityId: string) => dashboard.facilities.find((facility) => facility.id === facilityId)?.timeZone;
  // Code, car park and window each stay on one line; the plate is on the booking's own page.
  const columns: TableColumn<OperatorDashboardBooking>[] = [
    { key: 'code', header: 'Code', primary: true, noWrap: true, cell: (booking) => <Link to={`/operator/bookings/${booking.id}`}>{booking.code}</Link> },
    {
      key: 'facility',
      header: 'Car park',
      noWrap: true,
      cell: (booking) => (
        <span className="recent-bookings__facility" title={booking.facilityName}>
          {booking.facilityName}
        </span>
      ),
    },
    { key: 'window', header: 'When', noWrap: true, cell: (booking) => formatWindowCompact(booking.start, booking.end, zoneOf(booking.facilityId)) },
    { key: 'status', header: 'Status', noWrap: true, cell: (booking) => <BookingStatusBadge status={booking.status} /> },
    { key: 'amount', header: 'Amount', noWrap: true, numeric: true, cell: (booking) => formatMoney(booking.amountCents, booking.currency) },
  ];
  return (
    <section className="panel" aria-labelledby="recent-bookings">
      <h2 id="recent-bookings">Recent bookings</h2>
      {dashboard.recentBookings.length === 0 ? (
        <EmptyState title="No bookings yet">
          <p>
            {dashboard.facilities.length ? (
              'New bookings appear here the moment drivers make them.'
            ) : (
              <Link to="/operator/facilities/new">Add your first car park</Link>
            )}
          </p>
        </EmptyState>
      ) : (
        <ResponsiveTable
          testId="recent-bookings"
          className="rtable--linked"
          rows={dashboard.recentBookings}
          columns={columns}
          rowKey={(booking) => booking.id}
          rowProps={(booking) => ({ 'data-booking-code': booking.code })}
        />
      )}
    </section>
  );
}
