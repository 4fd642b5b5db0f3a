import type { RevenueReport } from '@aiparksit/shared';
import { PageHeader } from '../../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { useRevenue } from '../api/analytics';
import { AnalyticsFilters } from './analytics-filters';
import { RevenueChart } from './revenue-chart';
import { RevenueTable } from './revenue-table';
import { useAnalyticsSelection } from './use-analytics-selection';

/** Revenue of one car park or the whole portfolio: a chart and the figures per bucket, per currency. */
export function RevenuePage() {
  usePageTitle('Revenue');
  const { selection, query, setSelection } = useAnalyticsSelection();
  const revenue = useRevenue(query);
  return (
    <>
      <PageHeader eyebrow="Operator" title="Revenue">
        <p>Gross takings, platform fees and your net after refunds, in each car park’s local time.</p>
      </PageHeader>
      <section className="panel">
        <AnalyticsFilters selection={selection} onChange={setSelection} />
      </section>
      {revenue.isPending && <LoadingState label="Loading revenue…" />}
      {revenue.isError && <ErrorState message={describeError(revenue.error)} onRetry={() => void revenue.refetch()} />}
      {revenue.data && <RevenueReportView report={revenue.data} refreshing={revenue.isFetching} />}
    </>
  );
}

function RevenueReportView({ report, refreshing }: { report: RevenueReport; refreshing: boolean }) {
  if (report.facilityCount === 0) {
    return (
      <section className="panel">
        <EmptyState title="No car parks yet">
          <p>Revenue appears here once a car park of yours takes bookings.</p>
        </EmptyState>
      </section>
    );
  }
  if (report.series.length === 0) {
    return (
      <section className="panel" data-testid="revenue-report">
        <EmptyState title="No revenue in this period">
          <p>Takings appear here as soon as a driver pays.</p>
        </EmptyState>
      </section>
    );
  }
  return (
    <div data-testid="revenue-report" aria-busy={refreshing}>
      {report.series.map((series) => (
        <section key={series.currency} className="panel stack" aria-labelledby={`revenue-${series.currency}`}>
          <h2 id={`revenue-${series.currency}`}>{report.series.length > 1 ? `In ${series.currency}` : 'Per period'}</h2>
          <RevenueChart report={report} currency={series.currency} withTable={false} />
          <RevenueTable series={series} />
        </section>
      ))}
      {report.timeZone === null && <p className="field__hint">Your car parks are in different time zones: each one’s takings fall in its own local days.</p>}
    </div>
  );
}
