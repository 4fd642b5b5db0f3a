import { lazy, Suspense } from 'react';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { describeError } from '../../../lib/api-error';
import { useOperatorForecast } from '../../../shared/operator-forecast';

const ForecastBandChart = lazy(() => import('./forecast-band-chart').then((module) => ({ default: module.ForecastBandChart })));

/**
 * The next 14 days of the chosen car park, from its nightly forecast. The forecast is per car
 * park (the model learns from each one's own occupancy), so "All car parks" asks for a choice.
 */
export function OccupancyForecast({ facilityId, facilityName }: { facilityId: string; facilityName: string | null }) {
  const forecast = useOperatorForecast(facilityId || null);
  const body = forecast.data?.forecast;
  return (
    <section className="panel" aria-labelledby="occupancy-forecast" data-testid="occupancy-forecast">
      <h2 id="occupancy-forecast">Next 14 days{facilityName ? `: ${facilityName}` : ''}</h2>
      {!facilityId && <p className="field__hint">Choose a car park above to see its forecast for the next 14 days.</p>}
      {facilityId && forecast.isPending && <LoadingState label="Loading the forecast…" />}
      {facilityId && forecast.isError && <ErrorState message={describeError(forecast.error)} onRetry={() => void forecast.refetch()} />}
      {facilityId && forecast.data && !body && (
        <EmptyState title="No forecast yet">
          <p>Forecasts are worked out every night from the hours booked so far; this car park has none booked yet.</p>
        </EmptyState>
      )}
      {body && (
        <>
          <p>
            Forecast from {body.weeksFitted} {body.weeksFitted === 1 ? 'week' : 'weeks'} of bookings, worked out{' '}
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
