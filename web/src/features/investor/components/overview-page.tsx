import { Bar } from 'react-chartjs-2';
import { OVERVIEW_METRICS, type InvestorOverview, type OverviewMetric, type UserView } from '@aiparksit/shared';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { describeError } from '../../../lib/api-error';
import { usePlatformFeed } from '../../../lib/socket';
import { bucketLabel, formatValue } from '../api/figure-format';
import { useOverview } from '../api/metrics';
import { BASE_OPTIONS, toUnits } from './charts';
import { FxNote } from './fx-note';
import { InvestorSection } from './investor-section';
import { KpiCard } from './kpi-card';
import { useMetricsSelection } from './use-metrics-selection';

type SeriesPoint = InvestorOverview['series'][number];

/** The sparkline of each figure that has a series; the others show value and change only. */
const SPARKLINES: Partial<Record<OverviewMetric, (point: SeriesPoint) => number | null>> = {
  gmv: (point) => point.gmvCents,
  netRevenue: (point) => point.netRevenueCents,
  takeRate: (point) => (point.gmvCents ? (point.netRevenueCents / point.gmvCents) * 100 : null),
  paidBookings: (point) => point.paidBookings,
  averageBookingValue: (point) => (point.paidBookings ? point.gmvCents / point.paidBookings : null),
  activeDrivers: (point) => point.activeDrivers,
  occupancy: (point) => point.occupancyPercent,
};

export function InvestorOverviewPage({ user }: { user: UserView }) {
  const { query } = useMetricsSelection();
  const overview = useOverview(query);
  return (
    <InvestorSection
      user={user}
      title="Platform overview"
      report="platform-overview"
      period={overview.data?.period}
      lead={<p>The marketplace as a whole: money, bookings, people and supply, against the period you compare with. Refreshed live as bookings are paid.</p>}
    >
      {overview.isPending && <LoadingState label="Loading the platform’s figures…" />}
      {overview.isError && <ErrorState message={describeError(overview.error)} onRetry={() => void overview.refetch()} />}
      {overview.data && <OverviewView overview={overview.data} refreshing={overview.isFetching} updatedAt={overview.dataUpdatedAt} />}
    </InvestorSection>
  );
}

function OverviewView({ overview, refreshing, updatedAt }: { overview: InvestorOverview; refreshing: boolean; updatedAt: number }) {
  const feed = usePlatformFeed();
  const empty = overview.figures.paidBookings.value === 0 && overview.figures.listedFacilities.value === 0;
  const currency = overview.fx.reportingCurrency;
  return (
    <div data-testid="investor-overview" aria-busy={refreshing}>
      <p className="field__hint investor-live" data-testid="overview-updated">
        <span className={`investor-live__dot investor-live__dot--${feed.state}`} aria-hidden="true" />
        {feed.state === 'live' ? 'Live' : 'Refreshing every 30 s'} · updated {new Date(updatedAt).toLocaleTimeString('en-GB')}
        {refreshing ? ' · refreshing…' : ''}
      </p>
      {empty ? (
        <section className="panel">
          <EmptyState title="Nothing happened in this period">
            <p>No facility was listed and no booking was paid between these days. Pick a longer or a more recent period.</p>
          </EmptyState>
        </section>
      ) : (
        <>
          <ul className="kpi-grid" aria-label="Key figures">
            {OVERVIEW_METRICS.map((metric) => {
              const sparkline = SPARKLINES[metric];
              return <KpiCard key={metric} metric={metric} figure={overview.figures[metric]} points={sparkline ? overview.series.map(sparkline) : undefined} />;
            })}
          </ul>
          <section className="panel" aria-labelledby="overview-gmv">
            <h2 id="overview-gmv">Gross booking value and net revenue ({currency})</h2>
            <figure className="chart" data-testid="overview-chart">
              <div className="chart__canvas" aria-hidden="true">
                <Bar
                  data={{
                    labels: overview.series.map((point) => bucketLabel(point.bucket, overview.period.granularity)),
                    datasets: [
                      { label: 'Gross booking value', data: overview.series.map((point) => toUnits(point.gmvCents, currency)), backgroundColor: '#9db9ea' },
                      {
                        label: 'Net platform revenue',
                        data: overview.series.map((point) => toUnits(point.netRevenueCents, currency)),
                        backgroundColor: '#1d5fd1',
                      },
                    ],
                  }}
                  options={{ ...BASE_OPTIONS, scales: { y: { beginAtZero: true } } }}
                />
              </div>
              <details className="chart__table">
                <summary>Show as a table</summary>
                <div className="table-scroll">
                  <table className="table">
                    <thead>
                      <tr>
                        <th scope="col">From</th>
                        <th scope="col">Gross booking value</th>
                        <th scope="col">Net revenue</th>
                        <th scope="col">Paid bookings</th>
                        <th scope="col">Active drivers</th>
                        <th scope="col">Occupancy</th>
                      </tr>
                    </thead>
                    <tbody>
                      {overview.series.map((point) => (
                        <tr key={point.bucket}>
                          <th scope="row">{point.bucket.slice(0, 10)}</th>
                          <td>{formatValue(point.gmvCents, 'money', currency)}</td>
                          <td>{formatValue(point.netRevenueCents, 'money', currency)}</td>
                          <td>{formatValue(point.paidBookings, 'count')}</td>
                          <td>{formatValue(point.activeDrivers, 'count')}</td>
                          <td>{formatValue(point.occupancyPercent, 'percent')}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </figure>
          </section>
        </>
      )}
      <FxNote fx={overview.fx} generatedAt={overview.generatedAt} />
    </div>
  );
}
