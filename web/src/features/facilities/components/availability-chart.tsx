import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import type { AvailabilityLevel, AvailabilityTimelineHour, SpaceType } from '@aiparksit/shared';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const LEVEL_VALUE: Record<AvailabilityLevel, number> = { none: 0, few: 1, many: 2 };

/**
 * Free spaces of one type hour by hour over the facility's local day. Exact counts when the API
 * gives them; otherwise the coarse level (none / few / many). A table with the same figures
 * follows for screen readers and keyboard users.
 */
export function AvailabilityChart({ timeline, spaceType }: { timeline: AvailabilityTimelineHour[]; spaceType: SpaceType }) {
  const rows = timeline.map((hour) => {
    const entry = hour.perType.find((p) => p.spaceType === spaceType);
    return { hour, entry };
  });
  const exact = rows.every(({ entry }) => !entry || entry.available !== null);
  const values = rows.map(({ hour, entry }) => (!hour.open || !entry ? 0 : exact ? (entry.available ?? 0) : LEVEL_VALUE[entry.level]));
  const describe = (index: number) => {
    const { hour, entry } = rows[index]!;
    if (!hour.open) return 'closed';
    if (!entry) return 'no spaces of this type';
    return entry.available !== null ? `${entry.available} free` : entry.level === 'none' ? 'full' : `${entry.level} free`;
  };
  return (
    <figure className="chart">
      <div className="chart__canvas" aria-hidden="true">
        <Bar
          data={{
            labels: rows.map(({ hour }) => hour.localStart),
            datasets: [
              {
                label: `${SPACE_TYPE_LABELS[spaceType]} spaces free`,
                data: values,
                backgroundColor: rows.map(({ hour }) => (hour.open ? '#1d5fd1' : '#c7ced9')),
              },
            ],
          }}
          options={{
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            plugins: { legend: { display: false }, tooltip: { callbacks: { label: (item) => describe(item.dataIndex) } } },
            scales: {
              y: exact
                ? { beginAtZero: true, ticks: { precision: 0 } }
                : { min: 0, max: 2, ticks: { stepSize: 1, callback: (value) => ['none', 'few', 'many'][Number(value)] ?? '' } },
            },
          }}
        />
      </div>
      <figcaption className="field__hint">Grey bars: closed. Hours are local to the car park.</figcaption>
      <details className="chart__table">
        <summary>Show as a table</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Hour</th>
              <th scope="col">{SPACE_TYPE_LABELS[spaceType]}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ hour }, index) => (
              <tr key={hour.start}>
                <th scope="row">{hour.localStart}</th>
                <td>{describe(index)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
