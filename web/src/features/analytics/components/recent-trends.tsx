import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { describeError } from '../../../lib/api-error';
import { useOccupancy, useRevenue } from '../api/analytics';
import { OccupancyChart, OccupancyHeatmap } from './occupancy-chart';
import { RevenueChart } from './revenue-chart';

/** Revenue and occupancy per day over the last 30 days (each car park's own, up to its today), for the operator's dashboard. */
export function RecentTrends() {
  const days = 30;
  const revenue = useRevenue({ preset: '30d', granularity: 'day' });
  const occupancy = useOccupancy({ preset: '30d', granularity: 'day' });
  return (
    <div className="dashboard-grid">
      <section className="panel" aria-labelledby="revenue-trend">
        <h2 id="revenue-trend">Revenue, last {days} days</h2>
        {revenue.isPending && <LoadingState label="Loading revenue…" />}
        {revenue.isError && <ErrorState message={describeError(revenue.error)} onRetry={() => void revenue.refetch()} />}
        {revenue.data && (revenue.data.facilityCount === 0 ? <EmptyState title="No car parks yet" /> : <RevenueChart report={revenue.data} />)}
      </section>
      <section className="panel" aria-labelledby="occupancy-trend">
        <h2 id="occupancy-trend">Occupancy, last {days} days</h2>
        {occupancy.isPending && <LoadingState label="Loading occupancy…" />}
        {occupancy.isError && <ErrorState message={describeError(occupancy.error)} onRetry={() => void occupancy.refetch()} />}
        {occupancy.data &&
          (occupancy.data.facilityCount === 0 ? (
            <EmptyState title="No car parks yet" />
          ) : (
            <>
              <OccupancyChart report={occupancy.data} />
              <h3>By weekday and hour</h3>
              <OccupancyHeatmap report={occupancy.data} />
            </>
          ))}
      </section>
    </div>
  );
}
