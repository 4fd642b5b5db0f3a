import type { RevenueBucket, RevenueSeries } from '@aiparksit/shared';
import { ResponsiveTable, type TableColumn } from '../../../components/responsive-table';
import { formatMoney } from '../../../lib/money';

/** One currency's figures per bucket with a totals row (cards on a phone); the revenue page shows it, the dashboard's chart folds it away. */
export function RevenueTable({ series }: { series: RevenueSeries }) {
  const money = (cents: number) => formatMoney(cents, series.currency);
  const columns: TableColumn<RevenueBucket>[] = [
    { key: 'from', header: 'From', primary: true, noWrap: true, cell: (bucket) => bucket.bucket.replace('T00:00', '') },
    { key: 'gross', header: 'Gross', numeric: true, noWrap: true, cell: (bucket) => money(bucket.grossCents) },
    { key: 'refunds', header: 'Refunds', numeric: true, noWrap: true, cell: (bucket) => money(bucket.refundCents) },
    { key: 'fees', header: 'Fees', numeric: true, noWrap: true, cell: (bucket) => money(bucket.feeCents) },
    { key: 'net', header: 'Net', numeric: true, noWrap: true, cell: (bucket) => money(bucket.netCents) },
    { key: 'bookings', header: 'Bookings', numeric: true, cell: (bucket) => bucket.bookings },
  ];
  return (
    <ResponsiveTable
      testId={`revenue-table-${series.currency}`}
      caption={`Revenue in ${series.currency} per period`}
      rows={series.buckets}
      columns={columns}
      rowKey={(bucket) => bucket.bucket}
      footer={{
        props: { 'data-testid': 'revenue-totals' },
        cells: {
          from: 'Total',
          gross: money(series.totals.grossCents),
          refunds: money(series.totals.refundCents),
          fees: money(series.totals.feeCents),
          net: money(series.totals.netCents),
          bookings: series.totals.bookings,
        },
      }}
    />
  );
}
