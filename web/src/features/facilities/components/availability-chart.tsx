import { BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, type ChartDataset } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { FORECAST_LEVELS, type AvailabilityLevel, type AvailabilityTimelineHour, type FacilityForecastBody, type SpaceType } from '@aiparksit/shared';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { FORECAST_LEVEL_LABELS, chartHours, comparesInSpaces, expectedText, type ChartHour } from './forecast-rows';

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const LEVEL_VALUE: Record<AvailabilityLevel, number> = { none: 0, few: 1, many: 2 };
const OPEN_COLOUR = '#1d5fd1';
const CLOSED_COLOUR = 'rgba(199, 206, 217, 0.55)';
/** The forecast is drawn as outlined bars beside the filled ones: same hour, another kind of figure. */
const EXPECTED_COLOUR = '#c2410c';
const EXPECTED_FILL = 'rgba(194, 65, 12, 0.12)';

type BarData = ChartDataset<'bar', number[]>;

/**
 * Free spaces of one type hour by hour over the facility's local day. Exact counts when the API
 * gives them; otherwise the coarse level (none / few / many). With a forecast, the expected
 * occupancy of the same type stands beside each hour: signed in, its booked and expected spaces
 * on one axis; otherwise the free level and the expected level, each on its own axis. A table with the same figures follows for screen readers and
 * keyboard users.
 */
export function AvailabilityChart({
  timeline,
  spaceType,
  forecast = null,
}: {
  timeline: AvailabilityTimelineHour[];
  spaceType: SpaceType;
  forecast?: FacilityForecastBody | null;
}) {
  const hours = chartHours(timeline, spaceType, forecast);
  const exact = hours.every(({ free }) => !free || free.available !== null);
  const inSpaces = comparesInSpaces(hours, forecast);
  const typeLabel = SPACE_TYPE_LABELS[spaceType];
  const describeFree = ({ open, free }: ChartHour) => {
    if (!open) return 'closed';
    if (!free) return 'no spaces of this type';
    return free.available !== null ? `${free.available} free` : free.level === 'none' ? 'full' : `${free.level} free`;
  };
  const barColours = hours.map((hour) => (hour.open ? OPEN_COLOUR : CLOSED_COLOUR));
  // A closed hour is a full-height grey bar, so the closed part of the day shows at a glance (a bar of 0 would not show at all).
  const closedHeight = exact ? Math.max(1, ...hours.map(({ free, booked }) => (free?.available ?? 0) + (booked ?? 0))) : LEVEL_VALUE.many;
  const expectedBars = (values: number[], yAxisID: string): BarData => ({
    label: inSpaces ? `Expected, ${typeLabel.toLowerCase()} spaces (forecast)` : `Expected busyness, ${typeLabel.toLowerCase()} spaces (forecast)`,
    data: values,
    yAxisID,
    backgroundColor: EXPECTED_FILL,
    borderColor: EXPECTED_COLOUR,
    borderWidth: 2,
  });

  let datasets: BarData[];
  let scales: Record<string, object>;
  if (forecast && inSpaces) {
    datasets = [
      {
        label: `Booked or held now, ${typeLabel.toLowerCase()} spaces`,
        data: hours.map((hour) => (hour.open ? (hour.booked ?? 0) : (forecast.capacity ?? closedHeight))),
        backgroundColor: barColours,
      },
      expectedBars(
        hours.map((hour) => hour.expected ?? 0),
        'y',
      ),
    ];
    scales = { y: { beginAtZero: true, max: forecast.capacity ?? undefined, ticks: { precision: 0 }, title: { display: true, text: 'spaces taken' } } };
  } else {
    const free: BarData = {
      label: `${typeLabel} spaces free`,
      data: hours.map(({ open, free }) => (!open ? closedHeight : !free ? 0 : exact ? (free.available ?? 0) : LEVEL_VALUE[free.level])),
      backgroundColor: barColours,
    };
    datasets = [free];
    scales = {
      y: exact
        ? { beginAtZero: true, ticks: { precision: 0 } }
        : { min: 0, max: 2, ticks: { stepSize: 1, callback: (value: number | string) => ['none', 'few', 'many'][Number(value)] ?? '' } },
    };
    if (forecast) {
      // Free levels and expected levels are different scales: the forecast gets its own axis, on the right.
      datasets.push(
        expectedBars(
          hours.map((hour) => (hour.expectedLevel ? FORECAST_LEVELS.indexOf(hour.expectedLevel) + 1 : 0)),
          'expected',
        ),
      );
      scales['expected'] = {
        position: 'right',
        min: 0,
        max: FORECAST_LEVELS.length,
        grid: { drawOnChartArea: false },
        ticks: { stepSize: 1, callback: (value: number | string) => (Number(value) > 0 ? FORECAST_LEVEL_LABELS[FORECAST_LEVELS[Number(value) - 1]!] : '') },
      };
    }
  }

  const tooltipLines = (index: number): string[] => {
    const hour = hours[index]!;
    const lines = [`${typeLabel}: ${describeFree(hour)}`];
    if (inSpaces && hour.booked !== null) lines.push(`${hour.booked} booked or held now`);
    const expected = expectedText(hour);
    if (forecast && expected) lines.push(expected);
    return lines;
  };

  return (
    <figure className="chart" data-testid="availability-chart" data-forecast={forecast ? (inSpaces ? 'spaces' : 'levels') : 'none'}>
      <div className="chart__canvas" aria-hidden="true">
        <Bar
          data={{ labels: hours.map((hour) => hour.localStart), datasets }}
          options={{
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            interaction: { mode: 'index', intersect: false },
            plugins: {
              legend: { display: forecast !== null, position: 'bottom', labels: { boxWidth: 14 } },
              // One tooltip per hour, written once from every figure of that hour.
              tooltip: { filter: (item) => item.datasetIndex === 0, callbacks: { label: (item) => tooltipLines(item.dataIndex) } },
            },
            scales,
          }}
        />
      </div>
      <figcaption className="field__hint">
        {forecast
          ? inSpaces
            ? `Filled bars: ${typeLabel.toLowerCase()} spaces booked or held now (grey: closed). Outlined bars: ${typeLabel.toLowerCase()} spaces expected taken in the end, of ${forecast.capacity}, going by their past weeks. `
            : `Filled bars: ${typeLabel.toLowerCase()} spaces free now (grey: closed). Outlined bars: how busy its ${typeLabel.toLowerCase()} spaces are expected to be, going by their past weeks. `
          : 'Grey bars: closed. '}
        Hours are local to the car park.
      </figcaption>
      <details className="chart__table">
        <summary>Show as a table</summary>
        <table className="table" data-testid="availability-table">
          <thead>
            <tr>
              <th scope="col">Hour</th>
              <th scope="col">{typeLabel}</th>
              {inSpaces && <th scope="col">Booked or held</th>}
              {forecast && <th scope="col">Expected</th>}
            </tr>
          </thead>
          <tbody>
            {hours.map((hour) => (
              <tr key={hour.start}>
                <th scope="row">{hour.localStart}</th>
                <td>{describeFree(hour)}</td>
                {inSpaces && <td>{hour.booked}</td>}
                {forecast && <td>{expectedCell(hour)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function expectedCell(hour: ChartHour): string {
  if (!hour.open) return 'closed';
  if (hour.expected !== null && hour.expectedLevel) return `${hour.expected.toFixed(1)} (${FORECAST_LEVEL_LABELS[hour.expectedLevel].toLowerCase()})`;
  if (hour.expectedLevel) return FORECAST_LEVEL_LABELS[hour.expectedLevel];
  return 'not forecast';
}
