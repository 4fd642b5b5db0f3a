import { lazy, Suspense, useId, useState } from 'react';
import type { SpaceType } from '@aiparksit/shared';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { describeError } from '../../../lib/api-error';
import { SPACE_TYPE_LABELS, spaceTypeInSentence } from '../../../lib/parking-vocabulary';
import { ForecastTypePicker, useOperatorForecast } from '../../../shared/operator-forecast';

const ForecastBandChart = lazy(() => import('./forecast-band-chart').then((module) => ({ default: module.ForecastBandChart })));

/**
 * The next 14 days of the chosen car park, from its nightly forecast. The forecast is per car
 * park (the model learns from each one's own occupancy), so "All car parks" asks for a choice;
 * of all its spaces, or of one space type (each type has a model of its own).
 */
export function OccupancyForecast({ facilityId, facilityName }: { facilityId: string; facilityName: string | null }) {
  const id = useId();
  const [spaceType, setSpaceType] = useState<SpaceType | null>(null);
  const forecast = useOperatorForecast(facilityId || null, spaceType);
  const body = forecast.data?.forecast;
  return (
    <section className="panel" aria-labelledby="occupancy-forecast" data-testid="occupancy-forecast">
      <h2 id="occupancy-forecast">Next 14 days{facilityName ? `: ${facilityName}` : ''}</h2>
      {!facilityId && <p className="field__hint">Choose a car park above to see its forecast for the next 14 days.</p>}
      {facilityId && <ForecastTypePicker id={`${id}-type`} value={spaceType} onChange={setSpaceType} />}
      {facilityId && forecast.isPending && <LoadingState label="Loading the forecast…" />}
      {facilityId && forecast.isError && <ErrorState message={describeError(forecast.error)} onRetry={() => void forecast.refetch()} />}
      {facilityId && forecast.data && !body && (
        <EmptyState title="No forecast yet">
          <p>
            Forecasts are worked out every night from the hours booked so far; this car park has{' '}
            {spaceType ? `no ${spaceTypeInSentence(spaceType)} spaces, or none of them booked yet` : 'none booked yet'}.
          </p>
        </EmptyState>
      )}
      {body && (
        <>
          <p>
            {spaceType ? `${SPACE_TYPE_LABELS[spaceType]} spaces: forecast` : 'All spaces: forecast'} from {body.weeksFitted}{' '}
            {body.weeksFitted === 1 ? 'week' : 'weeks'} of bookings, worked out{' '}
            <time dateTime={body.fittedAt}>
              {new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(body.fittedAt))}
            </time>
            {body.usuallyFullBy ? <>. Usually full by {body.usuallyFullBy}.</> : '.'}
          </p>
          <Suspense fallback={<LoadingState label="Loading the chart…" />}>
            <ForecastBandChart forecast={body} />
          </Suspense>
        </>
      )}
    </section>
  );
}
