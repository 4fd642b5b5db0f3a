const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** One cell: its shade (0–100, null for closed) and what it says. */
export interface HeatmapCellView {
  percent: number | null;
  title: string;
}

/**
 * A weekday × hour heatmap as a table whose cells are shaded by percent: a table reads well to
 * screen readers and scrolls sideways on a phone, which a canvas heatmap would not. `cellOf` gets
 * the ISO weekday (1 = Monday), the hour and the weekday's short name.
 */
export function WeekHourHeatmap({
  caption,
  testId,
  cellOf,
  minShade = 0.08,
}: {
  caption: string;
  testId: string;
  cellOf: (weekday: number, hour: number, weekdayName: string) => HeatmapCellView;
  /** Opacity of a 0 % cell, so empty hours still read as part of the grid. */
  minShade?: number;
}) {
  return (
    <div className="table-scroll heatmap" data-testid={testId}>
      <table className="table heatmap__table">
        <caption className="visually-hidden">{caption}</caption>
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
                const { percent, title } = cellOf(index + 1, hour, name);
                return (
                  <td
                    key={hour}
                    className={percent === null ? 'heatmap__cell heatmap__cell--closed' : 'heatmap__cell'}
                    style={{
                      background: percent === null ? undefined : `rgba(29, 95, 209, ${Math.min(1, minShade + percent / 100)})`,
                      color: percent !== null && percent > 55 ? '#fff' : undefined,
                    }}
                    title={title}
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
