import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { formatWindowInZone } from '../../../lib/time-window';
import type { SearchCriteria } from './search-params';

/** The window as the results header and the facility page both show it: in the car park's zone, named. */
export function windowHeading(start: string, end: string, timeZone: string): string {
  return formatWindowInZone(start, end, timeZone);
}

/**
 * One line saying what was searched, with "Edit": on a phone it stands in for the form, so the
 * results are what the screen shows after a search. Wider screens show the form itself.
 */
export function SearchSummary({
  criteria,
  placeName,
  timeZone,
  editing,
  onEdit,
}: {
  criteria: SearchCriteria;
  placeName: string | null;
  timeZone: string;
  editing: boolean;
  onEdit: () => void;
}) {
  const where = criteria.point ? `Around ${criteria.point.lat.toFixed(3)}, ${criteria.point.lng.toFixed(3)}` : (placeName ?? criteria.city);
  const when = criteria.start && criteria.end ? windowHeading(criteria.start, criteria.end, timeZone) : 'Now';
  return (
    <div className="search-summary" hidden={editing} data-testid="search-summary">
      <p className="search-summary__text">
        <strong>{where}</strong>
        <span>{when}</span>
        <span>
          {SPACE_TYPE_LABELS[criteria.spaceType]} · within {criteria.radius / 1000} km
        </span>
      </p>
      <button type="button" className="button button--secondary search-summary__edit" onClick={onEdit} aria-label="Edit the search">
        Edit
      </button>
    </div>
  );
}
