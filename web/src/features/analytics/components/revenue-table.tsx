import type { RevenueSeries } from '@aiparksit/shared';
import { formatMoney } from '../../../lib/money';

/** One currency's figures per bucket with a totals row; the revenue page shows it, the dashboard's chart folds it away. */
export function RevenueTable({ series }: { series: RevenueSeries }) {
  const money = (cents: number) => formatMoney(cents, series.currency);
  return (
    <div className="table-scroll">
      <table className="table" data-testid={`revenue-table-${series.currency}`}>
        <caption className="visually-hidden">Revenue in {series.currency} per period</caption>
        <thead>
          <tr>
            <th scope="col">From</th>
            <th scope="col">Gross</th>
            <th scope="col">Refunds</th>
            <th scope="col">Fees</th>
            <th scope="col">Net</th>
            <th scope="col">Bookings</th>
          </tr>
        </thead>
        <tbody>
          {series.buckets.map((bucket) => (
            <tr key={bucket.bucket}>
              <th scope="row">{bucket.bucket.replace('T00:00', '')}</th>
              <td>{money(bucket.grossCents)}</td>
              <td>{money(bucket.refundCents)}</td>
              <td>{money(bucket.feeCents)}</td>
              <td>{money(bucket.netCents)}</td>
              <td>{bucket.bookings}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="revenue-totals">
            <th scope="row">Total</th>
            <td>{money(series.totals.grossCents)}</td>
            <td>{money(series.totals.refundCents)}</td>
            <td>{money(series.totals.feeCents)}</td>
            <td>{money(series.totals.netCents)}</td>
            <td>{series.totals.bookings}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
