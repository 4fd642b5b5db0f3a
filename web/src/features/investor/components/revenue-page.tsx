import { useState } from 'react';
import { Bar } from 'react-chartjs-2';
import type { RevenueMetrics, RevenueSlice, SpaceType, UserView } from '@aiparksit/shared';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { describeError } from '../../../lib/api-error';
import { bucketLabel, formatPercent, formatValue } from '../api/figure-format';
import { useRevenueMetrics } from '../api/metrics';
import { BASE_OPTIONS, colourAt, toUnits } from './charts';
import { FxNote } from './fx-note';
import { InvestorSection } from './investor-section';
import { SortableTable, type Column } from './sortable-table';
import { useMetricsSelection } from './use-metrics-selection';

type ChartMode = 'converted' | 'currency';

export function InvestorRevenuePage({ user }: { user: UserView }) {
  const { query } = useMetricsSelection();
  const revenue = useRevenueMetrics(query);
  return (
    <InvestorSection
      user={user}
      title="Revenue"
      report="revenue"
      period={revenue.data?.period}
      lead={<p>What drivers paid, what the platform kept and what operators were paid out, by currency, place, space type, facility and operator.</p>}
    >
      {revenue.isPending && <LoadingState label="Loading revenue…" />}
      {revenue.isError && <ErrorState message={describeError(revenue.error)} onRetry={() => void revenue.refetch()} />}
      {revenue.data && <RevenueView revenue={revenue.data} refreshing={revenue.isFetching} />}
    </InvestorSection>
  );
}

function RevenueView({ revenue, refreshing }: { revenue: RevenueMetrics; refreshing: boolean }) {
  const [mode, setMode] = useState<ChartMode>('converted');
  const currency = revenue.fx.reportingCurrency;
  const money = (cents: number) => formatValue(cents, 'money', currency);
  if (revenue.totals.paidBookings === 0 && revenue.totals.gmvCents === 0 && revenue.totals.refundCents === 0) {
    return (
      <section className="panel" data-testid="revenue-metrics">
        <EmptyState title="No revenue in this period">
          <p>No booking was paid or refunded between these days.</p>
        </EmptyState>
      </section>
    );
  }
  const totals: [string, number, number][] = [
    ['Gross booking value', revenue.totals.gmvCents, revenue.comparisonTotals.gmvCents],
    ['Platform fees', revenue.totals.feeCents, revenue.comparisonTotals.feeCents],
    ['Refunds', revenue.totals.refundCents, revenue.comparisonTotals.refundCents],
    ['Net platform revenue', revenue.totals.netRevenueCents, revenue.comparisonTotals.netRevenueCents],
    ['Operator payouts', revenue.totals.operatorPayoutCents, revenue.comparisonTotals.operatorPayoutCents],
  ];
  return (
    <div data-testid="revenue-metrics" aria-busy={refreshing}>
      <ul className="kpi-grid kpi-grid--compact" aria-label="Totals">
        {totals.map(([label, value, comparison]) => (
          <li key={label} className="card kpi-card">
            <p className="kpi__label">{label}</p>
            <p className="kpi__value">{money(value)}</p>
            <p className="kpi-card__comparison">vs {money(comparison)}</p>
          </li>
        ))}
      </ul>
      <section className="panel" aria-labelledby="revenue-series">
        <div className="panel__head">
          <h2 id="revenue-series">Gross booking value per {revenue.period.granularity}</h2>
          <div className="segmented" role="group" aria-label="Show amounts">
            <button type="button" aria-pressed={mode === 'converted'} onClick={() => setMode('converted')}>
              Converted to {currency}
            </button>
            <button type="button" aria-pressed={mode === 'currency'} onClick={() => setMode('currency')}>
              By currency
            </button>
          </div>
        </div>
        {mode === 'converted' ? <ConvertedChart revenue={revenue} /> : <CurrencyCharts revenue={revenue} />}
      </section>
      <div className="slice-grid">
        <SliceTable title="By country" slices={revenue.byCountry} currency={currency} testId="revenue-by-country" />
        <SliceTable title="By city" slices={revenue.byCity} currency={currency} testId="revenue-by-city" />
        <SliceTable
          title="By space type"
          slices={revenue.bySpaceType.map((slice) => ({ ...slice, label: SPACE_TYPE_LABELS[slice.key as SpaceType] ?? slice.label }))}
          currency={currency}
        />
        <SliceTable title="By currency (own currency, unconverted)" slices={revenue.byCurrency} currency={null} />
        <SliceTable title="Top facilities" slices={revenue.topFacilities} currency={currency} testId="revenue-top-facilities" />
        <SliceTable title="Top operators" slices={revenue.topOperators} currency={currency} testId="revenue-top-operators" />
      </div>
      <FxNote fx={revenue.fx} generatedAt={revenue.generatedAt} />
    </div>
  );
}

function ConvertedChart({ revenue }: { revenue: RevenueMetrics }) {
  const currency = revenue.fx.reportingCurrency;
  return (
    <figure className="chart" data-testid="revenue-chart">
      <div className="chart__canvas" aria-hidden="true">
        <Bar
          data={{
            labels: revenue.series.map((point) => bucketLabel(point.bucket, revenue.period.granularity)),
            datasets: [
              {
                label: `Net platform revenue (${currency})`,
                data: revenue.series.map((p) => toUnits(p.netRevenueCents, currency)),
                backgroundColor: '#1d5fd1',
                stack: 'gmv',
              },
              {
                label: `Operator payouts (${currency})`,
                data: revenue.series.map((p) => toUnits(p.operatorPayoutCents, currency)),
                backgroundColor: '#9db9ea',
                stack: 'gmv',
              },
              {
                label: `Refunds (${currency})`,
                data: revenue.series.map((p) => toUnits(p.refundCents, currency)),
                backgroundColor: '#e8a29b',
                stack: 'refunds',
              },
            ],
          }}
          options={{ ...BASE_OPTIONS, scales: { x: { stacked: true }, y: { stacked: true } } }}
        />
      </div>
      <figcaption className="field__hint">Net revenue and operator payouts add up to gross booking value less refunds, in {currency}.</figcaption>
    </figure>
  );
}

/** Each currency in its own money, stacked: amounts in different currencies never share an axis unconverted. */
function CurrencyCharts({ revenue }: { revenue: RevenueMetrics }) {
  const buckets = [...new Set(revenue.seriesByCurrency.flatMap((series) => series.buckets.map((b) => b.bucket)))].sort();
  return (
    <figure className="chart" data-testid="revenue-chart-by-currency">
      <div className="chart__canvas" aria-hidden="true">
        <Bar
          data={{
            labels: buckets.map((bucket) => bucketLabel(bucket, revenue.period.granularity)),
            datasets: revenue.seriesByCurrency.map((series, index) => ({
              label: series.currency,
              data: buckets.map((bucket) => toUnits(series.buckets.find((b) => b.bucket === bucket)?.gmvCents ?? 0, series.currency)),
              backgroundColor: colourAt(index),
              stack: 'currencies',
            })),
          }}
          options={{ ...BASE_OPTIONS, scales: { x: { stacked: true }, y: { stacked: true } } }}
        />
      </div>
      <figcaption className="field__hint">
        Gross booking value in each currency’s own units (one EUR, one CHF, one GBP…), stacked to show the mix; the converted view adds them up properly.
      </figcaption>
    </figure>
  );
}

function SliceTable({ title, slices, currency, testId }: { title: string; slices: RevenueSlice[]; currency: string | null; testId?: string }) {
  // Unconverted slices are in their own currency, which is their key.
  const money = (slice: RevenueSlice, cents: number) => formatValue(cents, 'money', currency ?? slice.key);
  const columns: Column<RevenueSlice>[] = [
    { key: 'label', label: 'Name', sortValue: (s) => s.label },
    { key: 'gmv', label: 'Gross', numeric: true, sortValue: (s) => s.gmvCents, render: (s) => money(s, s.gmvCents) },
    { key: 'net', label: 'Net', numeric: true, sortValue: (s) => s.netRevenueCents, render: (s) => money(s, s.netRevenueCents) },
    { key: 'bookings', label: 'Bookings', numeric: true, sortValue: (s) => s.paidBookings, render: (s) => formatValue(s.paidBookings, 'count') },
    {
      key: 'change',
      label: 'Change',
      numeric: true,
      sortValue: (s) => s.gmvChangePercent,
      render: (s) => (s.gmvChangePercent === null ? '—' : `${s.gmvChangePercent > 0 ? '+' : ''}${formatPercent(s.gmvChangePercent)}`),
    },
  ];
  return (
    <section className="panel" aria-label={title}>
      <h2>{title}</h2>
      {slices.length === 0 ? (
        <p className="field__hint">Nothing in this period.</p>
      ) : (
        <SortableTable
          caption={title}
          columns={columns}
          rows={slices}
          rowKey={(s) => s.key}
          initial={{ key: 'gmv', direction: 'descending' }}
          testId={testId}
        />
      )}
    </section>
  );
}
