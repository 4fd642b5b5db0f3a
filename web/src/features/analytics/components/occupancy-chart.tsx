import { CategoryScale, Chart as ChartJS, Filler, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import { Line } from 'react-chartjs-2';
import type { OccupancyReport } from '@aiparksit/shared';

ChartJS.register(LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Filler);

const percentText = (percent: number | null) => (percent === null ? 'closed' : `${percent.toFixed(1)} %`);

/** Occupancy per bucket (booked over open space-minutes), with the same figures as a table. */
export function OccupancyChart({ report }: { report: OccupancyReport }) {
  return (
    <figure className="chart" data-testid="occupancy-chart">
      <div className="chart__canvas" aria-hidden="true">
        <Line
          data={{
            labels: report.buckets.map((bucket) => bucket.bucket.replace('T00:00', '')),
            datasets: [
              {
                label: 'Occupancy %',
                data: report.buckets.map((bucket) => bucket.percent),
                borderColor: '#1d5fd1',
                backgroundColor: 'rgba(29,95,209,0.15)',
                fill: true,
                spanGaps: false,
              },
            ],
          }}
          options={{ responsive: true, maintainAspectRatio: false, animation: false, scales: { y: { min: 0, suggestedMax: 100 } } }}
        />
      </div>
      <figcaption className="field__hint">Average over the period: {percentText(report.totals.percent)}. Gaps: closed.</figcaption>
      <details className="chart__table">
        <summary>Show as a table</summary>
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">From</th>
                <th scope="col">Occupancy</th>
                <th scope="col">Booked space-minutes</th>
                <th scope="col">Open space-minutes</th>
              </tr>
            </thead>
            <tbody>
              {report.buckets.map((bucket) => (
                <tr key={bucket.bucket}>
                  <th scope="row">{bucket.bucket}</th>
                  <td>{percentText(bucket.percent)}</td>
                  <td>{bucket.bookedSpaceMinutes}</td>
                  <td>{bucket.availableSpaceMinutes}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * Weekday × hour occupancy as a table whose cells are shaded by percent: a table reads well to
 * screen readers and scrolls sideways on a phone, which a canvas heatmap would not.
 */
export function OccupancyHeatmap({ report }: { report: OccupancyReport }) {
  const cell = (weekday: number, hour: number) => report.heatmap.find((each) => each.weekday === weekday && each.hour === hour);
  return (
    <div className="table-scroll heatmap" data-testid="occupancy-heatmap">
      <table className="table heatmap__table">
        <caption className="visually-hidden">Occupancy by weekday and hour (local time)</caption>
        <thead>
          <tr>
            <td />
            {Array.from({ length: 24 }, (_, hour) => (
              <th key={hour} scope="col">
                {String(hour).padStart(2, '0')}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {WEEKDAYS.map((name, index) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              {Array.from({ length: 24 }, (_, hour) => {
                const percent = cell(index + 1, hour)?.percent ?? null;
                const shade = percent === null ? undefined : `rgba(29, 95, 209, ${Math.min(1, 0.08 + percent / 100)})`;
                return (
                  <td
                    key={hour}
                    className={percent === null ? 'heatmap__cell heatmap__cell--closed' : 'heatmap__cell'}
                    style={{ background: shade, color: percent !== null && percent > 55 ? '#fff' : undefined }}
                    title={`${name} ${hour}:00 ${percentText(percent)}`}
                  >
                    {percent === null ? '–' : Math.round(percent)}
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
