import { Bar, Line } from 'react-chartjs-2';
import { GROWTH_ROLES, type FunnelStep, type GrowthMetrics, type UserView } from '@aiparksit/shared';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { describeError } from '../../../lib/api-error';
import { bucketLabel, describeChange, formatPercent, formatValue } from '../api/figure-format';
import { useGrowthMetrics } from '../api/metrics';
import { BASE_OPTIONS, colourAt } from './charts';
import { InvestorSection } from './investor-section';
import { useMetricsSelection } from './use-metrics-selection';

const ROLE_LABELS = { driver: 'Drivers', operator: 'Operators', investor: 'Investors', admin: 'Admins' } as const;

const FUNNEL_LABELS: Record<FunnelStep['step'], string> = {
  applied: 'Applied',
  approved: 'Approved',
  first_facility_published: 'First car park published',
  first_paid_booking: 'First paid booking',
};

export function InvestorGrowthPage({ user }: { user: UserView }) {
  const { query } = useMetricsSelection();
  const growth = useGrowthMetrics(query);
  return (
    <InvestorSection
      user={user}
      title="Growth"
      report="growth"
      period={growth.data?.period}
      lead={<p>Who joins, who keeps booking, how operators get from applying to their first paid booking, and how supply grows.</p>}
    >
      {growth.isPending && <LoadingState label="Loading growth…" />}
      {growth.isError && <ErrorState message={describeError(growth.error)} onRetry={() => void growth.refetch()} />}
      {growth.data && <GrowthView growth={growth.data} refreshing={growth.isFetching} />}
    </InvestorSection>
  );
}

function GrowthView({ growth, refreshing }: { growth: GrowthMetrics; refreshing: boolean }) {
  const granularity = growth.period.granularity;
  const labels = (buckets: { bucket: string }[]) => buckets.map((b) => bucketLabel(b.bucket, granularity));
  return (
    <div data-testid="growth-metrics" aria-busy={refreshing}>
      <ul className="kpi-grid kpi-grid--compact" aria-label="Totals">
        {GROWTH_ROLES.map((role) => (
          <TotalCard key={role} label={`New ${ROLE_LABELS[role].toLowerCase()}`} figure={growth.signupTotals[role]} />
        ))}
        <TotalCard label="Active drivers" figure={growth.activeDriverTotal} />
        <TotalCard label="Listed facilities" figure={growth.supplyTotals.facilities} />
        <TotalCard label="Listed spaces" figure={growth.supplyTotals.spaces} />
      </ul>
      <div className="dashboard-grid">
        <section className="panel" aria-labelledby="growth-signups">
          <h2 id="growth-signups">Sign-ups per {granularity}</h2>
          <figure className="chart" data-testid="signups-chart">
            <div className="chart__canvas" aria-hidden="true">
              <Bar
                data={{
                  labels: labels(growth.signups),
                  datasets: GROWTH_ROLES.map((role, index) => ({
                    label: ROLE_LABELS[role],
                    data: growth.signups.map((b) => b[role]),
                    backgroundColor: colourAt(index),
                    stack: 'signups',
                  })),
                }}
                options={{ ...BASE_OPTIONS, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }}
              />
            </div>
          </figure>
        </section>
        <section className="panel" aria-labelledby="growth-active">
          <h2 id="growth-active">Active drivers per {granularity}</h2>
          <figure className="chart" data-testid="active-drivers-chart">
            <div className="chart__canvas" aria-hidden="true">
              <Bar
                data={{
                  labels: labels(growth.activeDrivers),
                  datasets: [
                    { label: 'Returning', data: growth.activeDrivers.map((b) => b.returningDrivers), backgroundColor: '#1d5fd1', stack: 'drivers' },
                    { label: 'New (first paid booking)', data: growth.activeDrivers.map((b) => b.newDrivers), backgroundColor: '#e07a1f', stack: 'drivers' },
                  ],
                }}
                options={{ ...BASE_OPTIONS, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } }}
              />
            </div>
          </figure>
        </section>
      </div>
      <section className="panel" aria-labelledby="growth-cohorts">
        <h2 id="growth-cohorts">Driver retention by cohort</h2>
        <p className="field__hint">Drivers grouped by the month of their first paid booking; each cell is the share that booked again in that later month.</p>
        <CohortTable cohorts={growth.cohorts} />
      </section>
      <div className="dashboard-grid">
        <section className="panel" aria-labelledby="growth-funnel">
          <h2 id="growth-funnel">Operator funnel</h2>
          <p className="field__hint">Operators who applied in the period, and how far they got.</p>
          <Funnel steps={growth.operatorFunnel} />
        </section>
        <section className="panel" aria-labelledby="growth-supply">
          <h2 id="growth-supply">Supply</h2>
          <figure className="chart" data-testid="supply-chart">
            <div className="chart__canvas" aria-hidden="true">
              <Line
                data={{
                  labels: labels(growth.supply),
                  datasets: [
                    { label: 'Listed spaces', data: growth.supply.map((b) => b.spaces), borderColor: '#1d5fd1', yAxisID: 'spaces', pointRadius: 0 },
                    { label: 'Listed facilities', data: growth.supply.map((b) => b.facilities), borderColor: '#e07a1f', yAxisID: 'facilities', pointRadius: 0 },
                  ],
                }}
                options={{
                  ...BASE_OPTIONS,
                  scales: {
                    spaces: { position: 'left', beginAtZero: true, title: { display: true, text: 'Spaces' } },
                    facilities: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: 'Facilities' } },
                  },
                }}
              />
            </div>
          </figure>
        </section>
      </div>
    </div>
  );
}

function TotalCard({ label, figure }: { label: string; figure: GrowthMetrics['activeDriverTotal'] }) {
  const change = describeChange(figure);
  return (
    <li className="card kpi-card">
      <p className="kpi__label">{label}</p>
      <p className="kpi__value">{formatValue(figure.value, figure.unit, figure.currency)}</p>
      <p className={`kpi-card__change kpi-card__change--${change.tone}`} title={change.description}>
        {change.text} <span className="kpi-card__comparison">vs {formatValue(figure.comparison, figure.unit, figure.currency)}</span>
      </p>
    </li>
  );
}

/** The retention triangle as a table shaded by share: reads well aloud and scrolls sideways on a phone. */
function CohortTable({ cohorts }: { cohorts: GrowthMetrics['cohorts'] }) {
  if (cohorts.length === 0) {
    return (
      <EmptyState title="No cohorts in this period">
        <p>A cohort is the drivers whose first paid booking fell in one month of the period.</p>
      </EmptyState>
    );
  }
  const months = Math.max(...cohorts.map((cohort) => cohort.retention.length));
  return (
    <div className="table-scroll" data-testid="cohort-heatmap">
      <table className="table heatmap__table cohort-table">
        <caption className="visually-hidden">Share of each cohort booking again, by months since the first booking</caption>
        <thead>
          <tr>
            <th scope="col">Cohort</th>
            <th scope="col">Drivers</th>
            {Array.from({ length: months }, (_, month) => (
              <th key={month} scope="col">
                M{month}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {cohorts.map((cohort) => (
            <tr key={cohort.month}>
              <th scope="row">{cohort.month}</th>
              <td>{formatValue(cohort.drivers, 'count')}</td>
              {Array.from({ length: months }, (_, month) => {
                const share = cohort.retention[month];
                if (share === undefined) return <td key={month} className="heatmap__cell heatmap__cell--closed" />;
                return (
                  <td
                    key={month}
                    className="heatmap__cell"
                    style={{ background: `rgba(29, 95, 209, ${Math.min(1, 0.06 + share / 100)})`, color: share > 55 ? '#fff' : undefined }}
                    title={`${cohort.month}, month ${month}: ${formatPercent(share)}`}
                  >
                    {Math.round(share)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Funnel({ steps }: { steps: FunnelStep[] }) {
  const top = steps[0]?.operators ?? 0;
  if (top === 0) {
    return (
      <EmptyState title="No operator applied in this period">
        <p>The funnel follows the operators who applied between these days.</p>
      </EmptyState>
    );
  }
  return (
    <ol className="funnel" data-testid="operator-funnel">
      {steps.map((step, index) => (
        <li key={step.step} className="funnel__step">
          <div className="funnel__label">
            <span>{FUNNEL_LABELS[step.step]}</span>
            <strong>{formatValue(step.operators, 'count')}</strong>
          </div>
          <div className="funnel__bar" aria-hidden="true">
            <span style={{ width: `${top ? (step.operators / top) * 100 : 0}%`, background: colourAt(index) }} />
          </div>
          {index > 0 && (
            <p className="field__hint funnel__meta">
              {step.conversionPercent === null ? '—' : formatPercent(step.conversionPercent)} of the step before
              {step.medianDaysFromPrevious !== null && ` · median ${step.medianDaysFromPrevious} days`}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
