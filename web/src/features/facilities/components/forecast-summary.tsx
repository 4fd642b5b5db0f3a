import type { FacilityForecastBody, SpaceType } from '@aiparksit/shared';
import { spaceTypeInSentence } from '../../../lib/parking-vocabulary';

/**
 * What the forecast of the chosen space type says of the chosen stay, beside its free spaces: a badge when some open hour
 * of it is expected full, and when the car park usually fills ("Usually full by 08:30 on
 * weekdays"). Nothing when the forecast says neither. When the stay is full already, the badge
 * would only repeat it.
 */
export function ForecastSummary({ forecast, spaceType, fullNow }: { forecast: FacilityForecastBody; spaceType: SpaceType; fullNow: boolean }) {
  const likely = forecast.likelyToFillUp && !fullNow;
  if (!likely && !forecast.usuallyFullBy) return null;
  return (
    <div className="forecast-summary" data-testid="forecast-summary">
      {likely && (
        <p className="forecast-summary__likely">
          <span className="badge badge--fills-up" data-testid="likely-to-fill-up">
            Likely to fill up
          </span>{' '}
          Going by recent weeks, its {spaceTypeInSentence(spaceType)} spaces are expected to be full during part of your stay.
        </p>
      )}
      {forecast.usuallyFullBy && <p data-testid="usually-full-by">Usually full by {forecast.usuallyFullBy}.</p>}
    </div>
  );
}
