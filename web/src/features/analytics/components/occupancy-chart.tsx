import { CategoryScale, Chart as ChartJS, Filler, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import { Line } from 'react-chartjs-2';
import type { OccupancyReport } from '@aiparksit/shared';
import { formatPercent, percentScale } from '../../../components/percent-scale';
import { WeekHourHeatmap } from '../../../components/week-hour-heatmap';

ChartJS.register(LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Filler);

const percentText = (percent: number | null) => (percent === null ? 'closed' : `${percent.toFixed(1)} %`);

/**
 * Occupancy per bucket (booked over open space-minutes), with the same figures as a table. The
 * axis is scaled to the data (see `percentScale`); a value above a capped axis is drawn at its
 * top as a triangle, and the tooltip and the table give its real figure.
 */
export function OccupancyChart({ report }: { report: OccupancyReport }) {
  const percents = report.buckets.map((bucket) => bucket.percent);
  const scale = percentScale(percents);
  const isOutlier = (percent: number | null) => percent !== null && scale.capped && percent > scale.max;
  return (
    <figure className="chart" data-testid="occupancy-chart">
      <div className="chart__canvas" aria-hidden="true">
        <Line
          data={{
            labels: report.buckets.map((bucket) => bucket.bucket.replace('T00:00', '')),
            datasets: [
              {
                label: 'Occupancy %',
                data: percents.map((percent) => (isOutlier(percent) ? scale.max : percent)),
                borderColor: '#1d5fd1',
                backgroundColor: 'rgba(29,95,209,0.15)',
                fill: true,
                spanGaps: false,
                pointStyle: percents.map((percent) => (isOutlier(percent) ? 'triangle' : 'circle')),
                pointRadius: percents.map((percent) => (isOutlier(percent) ? 7 : 3)),
                pointBackgroundColor: percents.map((percent) => (isOutlier(percent) ? '#c2410c' : '#1d5fd1')),
              },
            ],
          }}
          options={{
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            scales: { y: { min: 0, max: scale.max, ticks: { callback: (value) => formatPercent(Number(value)) } } },
            plugins: { tooltip: { callbacks: { label: (item) => `Occupancy ${percentText(percents[item.dataIndex] ?? null)}` } } },
          }}
        />
      </div>
      <figcaption className="field__hint" data-testid="occupancy-scale" data-scale-max={scale.max}>
        Average over the period: {percentText(report.totals.percent)}. Axis 0–{formatPercent(scale.max)}
        {scale.capped ? `; triangles mark periods above ${formatPercent(scale.max)}, drawn at the top (their figures are in the table)` : ''}. Gaps: closed.
      </figcaption>
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

/** Weekday × hour occupancy, shaded on a scale fitted to the data; closed hours show as a dash. */
export function OccupancyHeatmap({ report }: { report: OccupancyReport }) {
  const cell = (weekday: number, hour: number) => report.heatmap.find((each) => each.weekday === weekday && each.hour === hour);
  return (
    <WeekHourHeatmap
      testId="occupancy-heatmap"
      caption="Occupancy by weekday and hour (local time)"
      scale={percentScale(report.heatmap.map((each) => each.percent))}
      cellOf={(weekday, hour, name) => {
        const percent = cell(weekday, hour)?.percent ?? null;
        return { percent, title: `${name} ${hour}:00 ${percentText(percent)}` };
      }}
    />
  );
}
