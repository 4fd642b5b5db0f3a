import type { CityMarket, MarketMetrics, UserView } from '@aiparksit/shared';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { describeError } from '../../../lib/api-error';
import { formatPercent, formatValue } from '../api/figure-format';
import { useMarketMetrics } from '../api/metrics';
import { CityMap } from './city-map';
import { FxNote } from './fx-note';
import { InvestorSection } from './investor-section';
import { SortableTable, type Column } from './sortable-table';
import { useMetricsSelection } from './use-metrics-selection';
import { WeekHourHeatmap } from '../../../components/week-hour-heatmap';

export function InvestorMarketPage({ user }: { user: UserView }) {
  const { query } = useMetricsSelection();
  const market = useMarketMetrics(query);
  return (
    <InvestorSection
      user={user}
      title="Market"
      report="market"
      period={market.data?.period}
      lead={<p>Each city’s supply, demand, prices and growth, where the money is made, and when drivers park.</p>}
    >
      {market.isPending && <LoadingState label="Loading the market…" />}
      {market.isError && <ErrorState message={describeError(market.error)} onRetry={() => void market.refetch()} />}
      {market.data && <MarketView market={market.data} refreshing={market.isFetching} />}
    </InvestorSection>
  );
}

function MarketView({ market, refreshing }: { market: MarketMetrics; refreshing: boolean }) {
  const currency = market.fx.reportingCurrency;
  if (market.cities.length === 0) {
    return (
      <section className="panel" data-testid="market-metrics">
        <EmptyState title="No cities yet">
          <p>Cities appear here once a car park is listed in them.</p>
        </EmptyState>
      </section>
    );
  }
  const ownMoney = (city: CityMarket, cents: number | null) => formatValue(cents, 'money', city.currency);
  const columns: Column<CityMarket>[] = [
    { key: 'city', label: 'City', sortValue: (c) => c.city, render: (c) => `${c.city} (${c.countryCode})` },
    { key: 'gmv', label: `Gross (${currency})`, numeric: true, sortValue: (c) => c.gmvCents, render: (c) => formatValue(c.gmvCents, 'money', currency) },
    {
      key: 'growth',
      label: 'Growth',
      numeric: true,
      sortValue: (c) => c.growthPercent,
      render: (c) => (c.growthPercent === null ? '—' : `${c.growthPercent > 0 ? '+' : ''}${formatPercent(c.growthPercent)}`),
    },
    { key: 'rank', label: 'Growth rank', numeric: true, sortValue: (c) => c.growthRank, render: (c) => `#${c.growthRank}` },
    { key: 'facilities', label: 'Car parks', numeric: true, sortValue: (c) => c.facilities, render: (c) => formatValue(c.facilities, 'count') },
    { key: 'spaces', label: 'Spaces', numeric: true, sortValue: (c) => c.spaces, render: (c) => formatValue(c.spaces, 'count') },
    { key: 'bookings', label: 'Bookings', numeric: true, sortValue: (c) => c.paidBookings, render: (c) => formatValue(c.paidBookings, 'count') },
    { key: 'hours', label: 'Booked hours', numeric: true, sortValue: (c) => c.bookedHours, render: (c) => formatValue(c.bookedHours, 'hours') },
    { key: 'occupancy', label: 'Occupancy', numeric: true, sortValue: (c) => c.occupancyPercent, render: (c) => formatValue(c.occupancyPercent, 'percent') },
    { key: 'avg', label: 'Avg price / h', numeric: true, sortValue: (c) => c.averagePricePerHourCents, render: (c) => ownMoney(c, c.averagePricePerHourCents) },
    { key: 'median', label: 'Median / h', numeric: true, sortValue: (c) => c.medianPricePerHourCents, render: (c) => ownMoney(c, c.medianPricePerHourCents) },
    {
      key: 'spread',
      label: 'Price spread (p10–p90)',
      numeric: true,
      sortValue: (c) => (c.p90PricePerHourCents !== null && c.p10PricePerHourCents !== null ? c.p90PricePerHourCents - c.p10PricePerHourCents : null),
      render: (c) => `${ownMoney(c, c.p10PricePerHourCents)} – ${ownMoney(c, c.p90PricePerHourCents)}`,
    },
    {
      key: 'revpash',
      label: `RevPASH (${currency})`,
      numeric: true,
      sortValue: (c) => c.revPashCents,
      render: (c) => formatValue(c.revPashCents, 'money', currency),
    },
    { key: 'launched', label: 'Launched', sortValue: (c) => c.launchedOn, render: (c) => c.launchedOn ?? '—' },
    {
      key: 'leader',
      label: 'Largest operator',
      sortValue: (c) => c.operatorShares[0]?.sharePercent ?? null,
      render: (c) => (c.operatorShares[0] ? `${c.operatorShares[0].operator} (${formatPercent(c.operatorShares[0].sharePercent)})` : '—'),
    },
  ];
  return (
    <div data-testid="market-metrics" aria-busy={refreshing}>
      <section className="panel" aria-labelledby="market-cities">
        <h2 id="market-cities">Cities</h2>
        <p className="field__hint">Prices are list prices per hour in each city’s own currency; money totals in {currency}. Click a heading to sort.</p>
        <SortableTable
          caption="Cities"
          columns={columns}
          rows={market.cities}
          rowKey={(c) => c.key}
          initial={{ key: 'gmv', direction: 'descending' }}
          testId="city-table"
        />
      </section>
      <div className="dashboard-grid">
        <section className="panel" aria-labelledby="market-map">
          <h2 id="market-map">Where the money is made</h2>
          <CityMap cities={market.cities} currency={currency} />
        </section>
        <section className="panel" aria-labelledby="market-shares">
          <h2 id="market-shares">Operators’ shares by city</h2>
          <OperatorShares cities={market.cities} />
        </section>
      </div>
      <section className="panel" aria-labelledby="market-demand">
        <h2 id="market-demand">Demand by weekday and hour</h2>
        <p className="field__hint">Booked space-hours in each car park’s local time; the darkest cell is the busiest hour of the week.</p>
        <DemandHeatmap cells={market.demandHeatmap} />
      </section>
      <FxNote fx={market.fx} generatedAt={market.generatedAt} />
    </div>
  );
}

function OperatorShares({ cities }: { cities: CityMarket[] }) {
  const top = [...cities].sort((a, b) => b.gmvCents - a.gmvCents).slice(0, 6);
  return (
    <ul className="shares" data-testid="operator-shares">
      {top.map((city) => (
        <li key={city.key}>
          <p className="shares__city">{city.city}</p>
          <div className="shares__bar" aria-hidden="true">
            {city.operatorShares.map((share, index) => (
              <span
                key={share.operator}
                style={{ width: `${share.sharePercent}%` }}
                className={`shares__part shares__part--${index % 6}`}
                title={share.operator}
              />
            ))}
          </div>
          <p className="field__hint">
            {city.operatorShares.map((share) => `${share.operator} ${formatPercent(share.sharePercent)}`).join(' · ') || 'No bookings in this period'}
          </p>
        </li>
      ))}
    </ul>
  );
}

function DemandHeatmap({ cells }: { cells: MarketMetrics['demandHeatmap'] }) {
  const byCell = new Map(cells.map((cell) => [`${cell.weekday}:${cell.hour}`, cell]));
  return (
    <WeekHourHeatmap
      testId="demand-heatmap"
      caption="Booked space-hours by weekday and hour, as a share of the busiest hour"
      minShade={0.04}
      cellOf={(weekday, hour, name) => {
        const cell = byCell.get(`${weekday}:${hour}`);
        return {
          percent: cell?.intensityPercent ?? 0,
          title: `${name} ${String(hour).padStart(2, '0')}:00 — ${formatValue(cell?.bookedHours ?? 0, 'hours')}`,
        };
      }}
    />
  );
}
