import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { OperatorDashboardFacility, OperatorForecastBody, SpaceType } from '@aiparksit/shared';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { describeError } from '../../../lib/api-error';
import { spaceTypeInSentence } from '../../../lib/parking-vocabulary';
import { ForecastTypePicker, forecastDayLabel, formatSpaces, useOperatorForecast } from '../../../shared/operator-forecast';

/**
 * The dashboard's look ahead: one car park's next 14 days from its nightly forecast, a cell per
 * day with its average and busiest hour; days expected to fill up stand out. One car park at a
 * time (a picker when there are several), all its spaces or one space type: each forecast is its
 * own request.
 */
export function OccupancyOutlook({ facilities }: { facilities: OperatorDashboardFacility[] }) {
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const facility = facilities.find((each) => each.id === chosen) ?? facilities[0];
  const [spaceType, setSpaceType] = useState<SpaceType | null>(null);
  const forecast = useOperatorForecast(facility?.id ?? null, spaceType);
  if (!facility) return null;
  const body = forecast.data?.forecast;
  return (
    <section className="panel outlook" aria-labelledby={`${id}-title`} data-testid="occupancy-outlook">
      <div className="outlook__head">
        <h2 id={`${id}-title`}>Next 14 days</h2>
        {facilities.length > 1 && (
          <div className="field outlook__picker">
            <label htmlFor={`${id}-facility`}>Car park</label>
            <select id={`${id}-facility`} value={facility.id} onChange={(event) => setChosen(event.target.value)}>
              {facilities.map((each) => (
                <option key={each.id} value={each.id}>
                  {each.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <ForecastTypePicker id={`${id}-type`} value={spaceType} onChange={setSpaceType} />
      </div>
      {forecast.isPending && <LoadingState label="Loading the forecast…" />}
      {forecast.isError && <ErrorState message={describeError(forecast.error)} onRetry={() => void forecast.refetch()} />}
      {forecast.data && !body && (
        <EmptyState title="No forecast yet">
          <p>
            {spaceType
              ? `${facility.name} has no ${spaceTypeInSentence(spaceType)} spaces, or none of them booked yet: a forecast comes the night after their first booked hours.`
              : `${facility.name} gets a forecast the night after its first booked hours.`}
          </p>
        </EmptyState>
      )}
      {body && <OutlookDays forecast={body} facility={facility} spaceType={spaceType} />}
    </section>
  );
}

function OutlookDays({ forecast, facility, spaceType }: { forecast: OperatorForecastBody; facility: OperatorDashboardFacility; spaceType: SpaceType | null }) {
  const fillingUp = forecast.days.filter((day) => day.likelyToFillUp).length;
  return (
    <>
      <p className="outlook__lead">
        {facility.name}
        {spaceType ? `, ${spaceTypeInSentence(spaceType)} spaces` : ''}:{' '}
        {fillingUp === 0
          ? 'no day is expected to fill up.'
          : `${fillingUp} ${fillingUp === 1 ? 'day is' : 'days are'} expected to fill up${forecast.usuallyFullBy ? `; usually full by ${forecast.usuallyFullBy}` : ''}.`}{' '}
        <Link to={`/operator/occupancy?facilityId=${encodeURIComponent(facility.id)}`}>Hour by hour</Link>
      </p>
      <ol className="outlook__days" aria-label={`Forecast per day for ${facility.name}`}>
        {forecast.days.map((day) => (
          <li
            key={day.date}
            className={day.likelyToFillUp ? 'outlook__day outlook__day--full' : 'outlook__day'}
            data-date={day.date}
            data-fills-up={day.likelyToFillUp}
          >
            <span className="outlook__date">{forecastDayLabel(day.date).replace(/ \w+$/, '')}</span>
            {day.averagePercent === null ? (
              <span className="outlook__value">Closed</span>
            ) : (
              <>
                <span className="outlook__value">{Math.round(day.averagePercent)} %</span>
                <span className="outlook__note">
                  {/* Under half a space all day: no hour stands out, so none is named. */}
                  {day.peakExpectedOccupied < 0.5 || !day.peakLocalStart
                    ? 'quiet all day'
                    : `peak ${formatSpaces(day.peakExpectedOccupied)}/${forecast.capacity} at ${day.peakLocalStart}`}
                </span>
                {day.likelyToFillUp && <span className="badge badge--fills-up">Likely full</span>}
              </>
            )}
          </li>
        ))}
      </ol>
      <p className="field__hint">Average expected occupancy of the open hours, and the busiest hour; local time of the car park.</p>
    </>
  );
}
