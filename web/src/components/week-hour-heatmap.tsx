import { useLayoutEffect, useRef, useState } from 'react';
import { formatPercent, type PercentScale } from './percent-scale';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
/** Below this width the 24 hours cannot all show side by side: hours become rows, weekdays columns. */
const HOURS_ACROSS_MIN_WIDTH = 760;
const FULL_SCALE: PercentScale = { max: 100, capped: false };

/** One cell: its value in percent (null for closed) and what it says. */
export interface HeatmapCellView {
  percent: number | null;
  title: string;
}

/**
 * A weekday × hour heatmap as a table whose cells are shaded by percent and show it: a table
 * reads well to screen readers, which a canvas heatmap would not. All 24 hours are always on
 * screen: where the box is too narrow for 24 columns (a phone, a half-width panel) hours become
 * the rows. The shade runs from 0 to `scale.max`; cells above a capped scale are outliers, drawn
 * at full shade and marked. A legend says what the shades mean.
 */
export function WeekHourHeatmap({
  caption,
  testId,
  cellOf,
  scale = FULL_SCALE,
  minShade = 0.08,
}: {
  caption: string;
  testId: string;
  /** `weekday` is ISO (1 = Monday). */
  cellOf: (weekday: number, hour: number, weekdayName: string) => HeatmapCellView;
  scale?: PercentScale;
  /** Opacity of a 0 % cell, so empty hours still read as part of the grid. */
  minShade?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [hoursAcross, setHoursAcross] = useState(true);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const measure = () => setHoursAcross(element.clientWidth >= HOURS_ACROSS_MIN_WIDTH);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const cell = (weekday: number, hour: number) => {
    const { percent, title } = cellOf(weekday + 1, hour, WEEKDAYS[weekday]!);
    const outlier = percent !== null && scale.capped && percent > scale.max;
    const share = percent === null ? 0 : Math.min(1, percent / scale.max);
    return (
      <td
        key={`${weekday}-${hour}`}
        className={['heatmap__cell', percent === null && 'heatmap__cell--closed', outlier && 'heatmap__cell--outlier'].filter(Boolean).join(' ')}
        style={{
          background: percent === null ? undefined : `rgba(29, 95, 209, ${minShade + share * (1 - minShade)})`,
          color: percent !== null && share > 0.55 ? '#fff' : undefined,
        }}
        title={outlier ? `${title} (above the scale)` : title}
      >
        {percent === null ? '–' : formatPercent(percent).replace(' %', '')}
      </td>
    );
  };
  const hourName = (hour: number) => String(hour).padStart(2, '0');

  return (
    <div className="heatmap" data-testid={testId} data-layout={hoursAcross ? 'hours-across' : 'hours-down'}>
      <div className="table-scroll" ref={box}>
        <table className={`table heatmap__table heatmap__table--${hoursAcross ? 'across' : 'down'}`}>
          <caption className="visually-hidden">{caption}. Values in percent.</caption>
          {hoursAcross ? (
            <>
              <thead>
                <tr>
                  <td />
                  {HOURS.map((hour) => (
                    <th key={hour} scope="col">
                      {hourName(hour)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {WEEKDAYS.map((name, weekday) => (
                  <tr key={name}>
                    <th scope="row">{name}</th>
                    {HOURS.map((hour) => cell(weekday, hour))}
                  </tr>
                ))}
              </tbody>
            </>
          ) : (
            <>
              <thead>
                <tr>
                  <td />
                  {WEEKDAYS.map((name) => (
                    <th key={name} scope="col">
                      {name}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {HOURS.map((hour) => (
                  <tr key={hour}>
                    <th scope="row">{hourName(hour)}:00</th>
                    {WEEKDAYS.map((_, weekday) => cell(weekday, hour))}
                  </tr>
                ))}
              </tbody>
            </>
          )}
        </table>
      </div>
      <HeatmapLegend scale={scale} minShade={minShade} />
    </div>
  );
}

/** The colour ramp from 0 to the scale's top, with the closed and outlier marks. */
function HeatmapLegend({ scale, minShade }: { scale: PercentScale; minShade: number }) {
  return (
    <div className="heatmap__legend" data-testid="heatmap-legend">
      <span>{formatPercent(0)}</span>
      <span
        className="heatmap__ramp"
        aria-hidden="true"
        style={{ background: `linear-gradient(to right, rgba(29, 95, 209, ${minShade}), rgba(29, 95, 209, 1))` }}
      />
      <span>
        {scale.capped ? '≥ ' : ''}
        {formatPercent(scale.max)}
      </span>
      {scale.capped && (
        <span className="heatmap__legend-item">
          <span className="heatmap__swatch heatmap__cell--outlier" aria-hidden="true" /> above {formatPercent(scale.max)}: outlier, shown at full shade
        </span>
      )}
      <span className="heatmap__legend-item">– closed</span>
      <span className="heatmap__legend-item">Cells show percent</span>
    </div>
  );
}
