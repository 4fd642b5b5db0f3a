import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { useManagedFacilities } from '../../../shared/managed-facilities';
import { useOccupancy } from '../api/analytics';
import { AnalyticsFilters } from './analytics-filters';
import { OccupancyChart, OccupancyHeatmap } from './occupancy-chart';
import { OccupancyForecast } from './occupancy-forecast';
import { useAnalyticsSelection } from './use-analytics-selection';

/** Occupancy of one car park or the portfolio: the series and the weekday × hour heatmap of the period. */
export function OccupancyPage() {
  usePageTitle('Occupancy');
  const { selection, query, setSelection } = useAnalyticsSelection();
  const occupancy = useOccupancy(query);
  const report = occupancy.data;
  const facilities = useManagedFacilities();
  const chosenName = facilities.data?.results.find((facility) => facility.id === selection.facilityId)?.name ?? null;
  return (
    <>
      <PageHeader eyebrow="Operator" title="Occupancy">
        <p>Booked space-minutes over the minutes your active spaces were open, in each car park’s local time.</p>
      </PageHeader>
      <section className="panel">
        <AnalyticsFilters selection={selection} onChange={setSelection} />
      </section>
      {occupancy.isPending && <LoadingState label="Loading occupancy…" />}
      {occupancy.isError && <ErrorState message={describeError(occupancy.error)} onRetry={() => void occupancy.refetch()} />}
      {report && report.facilityCount === 0 && (
        <section className="panel">
          <EmptyState title="No car parks yet">
            <p>Occupancy appears here once you have a car park with spaces.</p>
          </EmptyState>
        </section>
      )}
      {report && report.facilityCount > 0 && (
        <div data-testid="occupancy-report" aria-busy={occupancy.isFetching}>
          <section className="panel" aria-labelledby="occupancy-series">
            <h2 id="occupancy-series">Occupancy per period</h2>
            {report.totals.availableSpaceMinutes === 0 ? (
              <EmptyState title="Closed for the whole period">
                <p>No space was open in this period, so there is no occupancy to show.</p>
              </EmptyState>
            ) : (
              <OccupancyChart report={report} />
            )}
          </section>
          <OccupancyForecast facilityId={selection.facilityId} facilityName={chosenName} />
          <section className="panel" aria-labelledby="occupancy-heatmap">
            <h2 id="occupancy-heatmap">By weekday and hour</h2>
            <OccupancyHeatmap report={report} />
          </section>
        </div>
      )}
    </>
  );
}
