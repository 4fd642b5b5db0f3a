import { Line } from 'react-chartjs-2';
import { METRIC_DEFINITIONS, type MetricFigure, type OverviewMetric } from '@aiparksit/shared';
import { describeChange, formatFigure, formatValue } from '../api/figure-format';
import './charts';

const ARROWS = { up: '▲', down: '▼', flat: '▶', none: '' } as const;

/** A small trend line with no axes; the card's figures say the numbers. */
function Sparkline({ points, label }: { points: (number | null)[]; label: string }) {
  if (points.filter((point) => point !== null).length < 2) return null;
  return (
    <div className="kpi-card__sparkline" aria-hidden="true" data-testid="sparkline">
      <Line
        data={{
          labels: points.map((_, index) => index),
          datasets: [
            {
              label,
              data: points,
              borderColor: '#1d5fd1',
              backgroundColor: 'rgba(29,95,209,0.12)',
              fill: true,
              pointRadius: 0,
              borderWidth: 1.5,
              tension: 0.3,
            },
          ],
        }}
        options={{
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: { legend: { display: false }, tooltip: { enabled: false } },
          scales: { x: { display: false }, y: { display: false } },
        }}
      />
    </div>
  );
}

/** One overview figure: value, change against the comparison (arrow and colour), sparkline and its definition. */
export function KpiCard({ metric, figure, points }: { metric: OverviewMetric; figure: MetricFigure; points?: (number | null)[] }) {
  const { label, definition } = METRIC_DEFINITIONS[metric];
  const change = describeChange(figure, metric);
  const labelId = `kpi-${metric}`;
  return (
    <li className="card kpi-card" aria-labelledby={labelId} data-testid={`kpi-${metric}`} data-value={figure.value ?? ''}>
      <div className="kpi-card__head">
        <p className="kpi__label" id={labelId}>
          {label}
        </p>
        <details className="kpi-card__info">
          <summary aria-label={`What “${label}” means`} title={definition}>
            ?
          </summary>
          <p>{definition}</p>
        </details>
      </div>
      <p className="kpi__value" data-testid="kpi-value">
        {formatFigure(figure)}
      </p>
      <p className={`kpi-card__change kpi-card__change--${change.tone}`} title={change.description}>
        {change.direction !== 'none' && <span aria-hidden="true">{ARROWS[change.direction]} </span>}
        <span>{change.text}</span>
        <span className="visually-hidden"> ({change.description})</span>
        <span className="kpi-card__comparison"> vs {formatValue(figure.comparison, figure.unit, figure.currency)}</span>
      </p>
      {points && <Sparkline points={points} label={label} />}
    </li>
  );
}
