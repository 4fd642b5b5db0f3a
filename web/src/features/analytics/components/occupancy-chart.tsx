import { CategoryScale, Chart as ChartJS, Filler, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import { Line } from 'react-chartjs-2';
import type { OccupancyReport } from '@aiparksit/shared';
import { WeekHourHeatmap } from '../../../components/week-hour-heatmap';

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

/** Weekday × hour occupancy; closed hours show as a dash. */
export function OccupancyHeatmap({ report }: { report: OccupancyReport }) {
  const cell = (weekday: number, hour: number) => report.heatmap.find((each) => each.weekday === weekday && each.hour === hour);
  return (
    <WeekHourHeatmap
      testId="occupancy-heatmap"
      caption="Occupancy by weekday and hour (local time)"
      cellOf={(weekday, hour, name) => {
        const percent = cell(weekday, hour)?.percent ?? null;
        return { percent, title: `${name} ${hour}:00 ${percentText(percent)}` };
      }}
    />
  );
}
