import { Link } from 'react-router';
import type { ForecastBadge, MarketplaceResult } from '@aiparksit/shared';
import { formatMoney } from '../../../lib/money';
import { AMENITY_LABELS, availabilityText, formatDistance } from '../../../lib/parking-vocabulary';
import { AmenityIcon } from '../../../components/amenity-icon';

interface ResultListProps {
  results: MarketplaceResult[];
  linkTo: (result: MarketplaceResult) => string;
  /** The forecast of the searched window per facility id, where one is known. */
  forecasts?: Map<string, ForecastBadge>;
}

export function ResultList({ results, linkTo, forecasts }: ResultListProps) {
  return (
    <ol className="result-list" aria-label="Car parks found">
      {results.map((result) => {
        const { facility, quote, availability, distanceMeters } = result;
        const full = availability.level === 'none';
        const forecast = forecasts?.get(facility.id);
        return (
          <li key={facility.id} className="result" data-facility-id={facility.id}>
            <div className="result__head">
              <h3 className="result__name">
                <Link to={linkTo(result)}>{facility.name}</Link>
              </h3>
              {quote && (
                <p className="result__price">
                  {formatMoney(quote.totalCents, quote.currency ?? facility.currency)} <span className="result__price-note">total</span>
                </p>
              )}
            </div>
            <p className="result__address">
              {facility.addressLine}, {facility.city}
            </p>
            <p className="result__facts">
              {distanceMeters !== null && <span>{formatDistance(distanceMeters)} away</span>}
              <span className={full ? 'availability availability--none' : `availability availability--${availability.level}`}>
                {availabilityText(availability)}
              </span>
              {facility.open24x7 && <span>Open 24/7</span>}
              {!full && forecast?.likelyToFillUp && (
                <span className="forecast-badge" data-testid="likely-to-fill-up">
                  Likely to fill up
                </span>
              )}
            </p>
            {forecast?.usuallyFullBy && <p className="result__forecast">Usually full by {forecast.usuallyFullBy}</p>}
            {facility.amenities.length > 0 && (
              <ul className="tags" aria-label="Amenities">
                {facility.amenities.map((amenity) => (
                  <li key={amenity} className="tag">
                    <AmenityIcon amenity={amenity} />
                    {AMENITY_LABELS[amenity]}
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
