import { Chart as ChartJS, Filler, Legend, LineElement, LinearScale, PointElement, Tooltip } from 'chart.js';
import { Line } from 'react-chartjs-2';
import type { OperatorForecastBody } from '@aiparksit/shared';
import { forecastDayLabel, formatSpaces } from '../../../shared/operator-forecast';

ChartJS.register(LineElement, PointElement, LinearScale, Tooltip, Filler, Legend);

const LINE_COLOUR = '#1d5fd1';
const BAND_FILL = 'rgba(29, 95, 209, 0.18)';

/**
 * The next 14 days hour by hour: the expected occupied spaces as a line inside its band (about
 * 80 % of hours should land in it, measured on the model's own last week), on an axis up to the
 * car park's capacity. The x axis counts hours, labelled at each local midnight. The day-by-day
 * figures follow as a table, and every hour in a second one.
 */
export function ForecastBandChart({ forecast }: { forecast: OperatorForecastBody }) {
  const { hours, days, capacity } = forecast;
  const hasBand = hours.some((hour) => hour.low !== null && hour.high !== null);
  const point = (value: number | null, index: number) => ({ x: index, y: value });
  // Midnights by hour index: DST days have 23 or 25 hours, so days are found, not counted.
  const dayAt = new Map<number, string>();
  let day = 0;
  hours.forEach((hour, index) => {
    if (hour.localStart === '00:00' && days[day]) dayAt.set(index, days[day++]!.date);
  });
  const dateOf = (index: number) => {
    let found = days[0]?.date ?? '';
    for (const [at, date] of dayAt) if (at <= index) found = date;
    return found;
  };
  const percentOf = (value: number) => (capacity > 0 ? ` (${Math.round((100 * value) / capacity)} %)` : '');
  return (
    <figure className="chart" data-testid="forecast-band-chart">
      <div className="chart__canvas" aria-hidden="true">
        <Line
          data={{
            datasets: [
              ...(hasBand
                ? [
                    {
                      label: 'Likely range (about 8 hours in 10)',
                      data: hours.map((hour, index) => point(hour.high, index)),
                      borderWidth: 0,
                      pointRadius: 0,
                      backgroundColor: BAND_FILL,
                      fill: '+1',
                    },
                    {
                      label: 'Band low',
                      data: hours.map((hour, index) => point(hour.low, index)),
                      borderWidth: 0,
                      pointRadius: 0,
                      fill: false,
                    },
                  ]
                : []),
              {
                label: 'Expected occupied spaces',
                data: hours.map((hour, index) => point(hour.expectedOccupied, index)),
                borderColor: LINE_COLOUR,
                backgroundColor: LINE_COLOUR,
                borderWidth: 2,
                pointRadius: 0,
                fill: false,
              },
            ],
          }}
          options={{
            responsive: true,
            maintainAspectRatio: false,
            animation: false,
            parsing: false,
            interaction: { mode: 'index', intersect: false },
            scales: {
              x: {
                type: 'linear',
                min: 0,
                max: hours.length - 1,
                afterBuildTicks: (axis) => {
                  axis.ticks = [...dayAt.keys()].map((value) => ({ value }));
                },
                ticks: {
                  autoSkip: true,
                  maxRotation: 0,
                  callback: (value) => (dayAt.has(Number(value)) ? forecastDayLabel(dayAt.get(Number(value))!).replace(/ \w+$/, '') : ''),
                },
              },
              y: { min: 0, max: capacity, ticks: { precision: 0 }, title: { display: true, text: 'spaces' } },
            },
            plugins: {
              legend: { position: 'bottom', labels: { boxWidth: 14, filter: (item) => item.text !== 'Band low' } },
              tooltip: {
                filter: (item) => item.dataset.label === 'Expected occupied spaces',
                callbacks: {
                  title: (items) => {
                    const index = items[0]?.dataIndex ?? 0;
                    return `${forecastDayLabel(dateOf(index))} ${hours[index]?.localStart ?? ''}`;
                  },
                  label: (item) => {
                    const hour = hours[item.dataIndex]!;
                    if (!hour.open) return 'Closed';
                    const band = hour.low !== null && hour.high !== null ? `, likely ${formatSpaces(hour.low)}–${formatSpaces(hour.high)}` : '';
                    return `Expected ${formatSpaces(hour.expectedOccupied)} of ${capacity}${percentOf(hour.expectedOccupied)}${band}`;
                  },
                },
              },
            },
          }}
        />
      </div>
      <figcaption className="field__hint">
        Expected occupied spaces of {capacity}, hour by hour in the car park’s local time
        {hasBand ? '; the shaded band is where about 8 hours in 10 should land' : '; no band yet: it needs three weeks of history'}.
      </figcaption>
      <details className="chart__table">
        <summary>Show as a table</summary>
        <div className="table-scroll">
          <table className="table" data-testid="forecast-days-table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Busiest hour</th>
                <th scope="col">Average</th>
                <th scope="col">Expected space-hours</th>
                <th scope="col">Likely to fill up</th>
              </tr>
            </thead>
            <tbody>
              {days.map((each) => (
                <tr key={each.date}>
                  <th scope="row">{forecastDayLabel(each.date)}</th>
                  <td>{each.peakLocalStart === null ? 'closed' : `${each.peakLocalStart}: ${formatSpaces(each.peakExpectedOccupied)} of ${capacity}`}</td>
                  <td>{each.averagePercent === null ? 'closed' : `${each.averagePercent.toFixed(1)} %`}</td>
                  <td>{formatSpaces(each.expectedSpaceHours)}</td>
                  <td>{each.likelyToFillUp ? 'Yes' : 'No'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <details className="chart__table">
          <summary>Every hour</summary>
          <div className="table-scroll forecast-hours">
            <table className="table" data-testid="forecast-hours-table">
              <thead>
                <tr>
                  <th scope="col">Hour</th>
                  <th scope="col">Expected</th>
                  <th scope="col">Likely range</th>
                </tr>
              </thead>
              <tbody>
                {hours.map((hour, index) => (
                  <tr key={hour.start}>
                    <th scope="row">
                      {forecastDayLabel(dateOf(index))} {hour.localStart}
                    </th>
                    <td>{hour.open ? formatSpaces(hour.expectedOccupied) : 'closed'}</td>
                    <td>{hour.open && hour.low !== null && hour.high !== null ? `${formatSpaces(hour.low)}–${formatSpaces(hour.high)}` : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </details>
    </figure>
  );
}
