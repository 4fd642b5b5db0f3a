import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { RevenueReport } from '@aiparksit/shared';
import { EmptyState } from '../../../components/status';
import { formatMoney } from '../../../lib/money';
import { RevenueTable } from './revenue-table';

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/**
 * Net and gross per bucket of one currency's series (the first unless named); a table of every
 * series follows for screen readers unless the page shows its own (`withTable={false}`).
 */
export function RevenueChart({ report, currency, withTable = true }: { report: RevenueReport; currency?: string; withTable?: boolean }) {
  const series = currency ? report.series.find((each) => each.currency === currency) : report.series[0];
  if (!series || series.buckets.every((bucket) => bucket.grossCents === 0 && bucket.refundCents === 0)) {
    return (
      <EmptyState title="No revenue in this period">
        <p>Takings appear here as soon as a driver pays.</p>
      </EmptyState>
    );
  }
  const digits = (cents: number) => cents / 100;
  return (
    <figure className="chart" data-testid="revenue-chart" data-currency={series.currency}>
      <div className="chart__canvas" aria-hidden="true">
        <Bar
          data={{
            labels: series.buckets.map((bucket) => bucket.bucket.replace('T00:00', '')),
            datasets: [
              { label: `Gross (${series.currency})`, data: series.buckets.map((bucket) => digits(bucket.grossCents)), backgroundColor: '#9db9ea' },
              { label: `Net (${series.currency})`, data: series.buckets.map((bucket) => digits(bucket.netCents)), backgroundColor: '#1d5fd1' },
            ],
          }}
          options={{ responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { beginAtZero: true } } }}
        />
      </div>
      <figcaption className="field__hint">
        Total: {formatMoney(series.totals.grossCents, series.currency)} gross, {formatMoney(series.totals.netCents, series.currency)} net after refunds and
        fees, {series.totals.bookings} bookings.
      </figcaption>
      {withTable && (
        <details className="chart__table">
          <summary>Show as a table</summary>
          {report.series.map((each) => (
            <RevenueTable key={each.currency} series={each} />
          ))}
        </details>
      )}
    </figure>
  );
}
