import { useId, useState, type FormEvent } from 'react';
import { AMENITIES, SPACE_TYPES, type Amenity, type MarketplaceSort, type SpaceType } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { formatMoney, parseMoneyInput } from '../../../lib/money';
import { AMENITY_LABELS, SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { defaultWindow, instantToWallClock, windowToIso } from '../../../lib/time-window';
import { DEFAULT_RADIUS_METERS, type SearchCriteria } from './search-params';

const RADII = [1000, 2000, 5000, 10_000, 25_000, 50_000];
const SORT_LABELS: Record<MarketplaceSort, string> = { distance: 'Nearest first', price: 'Cheapest first', availability: 'Most free spaces' };

/**
 * Where (a city, or a point: "near me" or picked on the map), when (local date and time), and
 * filters. Submitting replaces the criteria in the address bar.
 */
export function SearchForm({ criteria, onSearch }: { criteria: SearchCriteria; onSearch: (criteria: SearchCriteria) => void }) {
  const id = useId();
  const [initialWindow] = useState(() => defaultWindow(new Date()));
  const [problem, setProblem] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const [point, setPoint] = useState(criteria.point);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const window = windowToIso({ start: String(form.get('start') ?? ''), end: String(form.get('end') ?? '') });
    if ('problem' in window) {
      setProblem(window.problem === 'missing' ? 'Choose when you arrive and when you leave.' : 'The time you leave must be after the time you arrive.');
      return;
    }
    const maxPriceText = String(form.get('maxPrice') ?? '').trim();
    const maxPriceCents = maxPriceText ? parseMoneyInput(maxPriceText) : null;
    if (maxPriceText && maxPriceCents === null) {
      setProblem('Enter the maximum price as an amount, such as 12 or 12.50.');
      return;
    }
    const city = String(form.get('city') ?? '').trim();
    const usePoint = point !== null && city === '';
    if (!usePoint && !city) {
      setProblem('Enter a city, or use your location.');
      return;
    }
    setProblem(null);
    onSearch({
      city,
      point: usePoint ? point : null,
      radius: Number(form.get('radius') ?? DEFAULT_RADIUS_METERS),
      start: window.start,
      end: window.end,
      spaceType: String(form.get('spaceType') ?? 'standard') as SpaceType,
      amenities: form.getAll('amenities').map(String) as Amenity[],
      maxPriceCents,
      sort: String(form.get('sort') ?? 'distance') as MarketplaceSort,
    });
  }

  function locate() {
    if (!('geolocation' in navigator)) {
      setProblem('This browser cannot tell where you are. Enter a city instead.');
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setProblem(null);
        setPoint({ lat: position.coords.latitude, lng: position.coords.longitude });
      },
      () => {
        setLocating(false);
        setProblem('Your location is not available. Enter a city instead.');
      },
      { timeout: 10_000 },
    );
  }

  const start = criteria.start ? instantToWallClock(criteria.start) : initialWindow.start;
  const end = criteria.end ? instantToWallClock(criteria.end) : initialWindow.end;
  // Remounting on new criteria (key) resets the uncontrolled inputs to what was searched.
  const key = JSON.stringify(criteria);

  return (
    <form key={key} className="search-form panel" onSubmit={submit} noValidate aria-label="Search parking">
      <FormAlert message={problem} />
      <div className="search-form__row">
        <div className="field">
          <label htmlFor={`${id}-city`}>City</label>
          <input
            id={`${id}-city`}
            name="city"
            defaultValue={criteria.point ? '' : criteria.city}
            autoComplete="address-level2"
            placeholder="e.g. Berlin"
            onChange={(e) => e.target.value && setPoint(null)}
          />
        </div>
        <div className="field search-form__near">
          <span className="field__label" aria-hidden="true">
            &nbsp;
          </span>
          <button type="button" className="button button--secondary" onClick={locate} disabled={locating} aria-describedby={`${id}-point`}>
            {locating ? 'Locating…' : 'Near me'}
          </button>
          <p id={`${id}-point`} className="field__hint" aria-live="polite">
            {point ? `Around ${point.lat.toFixed(4)}, ${point.lng.toFixed(4)}` : 'Or click the map to search around a spot.'}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-radius`}>Within</label>
          <select id={`${id}-radius`} name="radius" defaultValue={String(criteria.radius)}>
            {RADII.map((r) => (
              <option key={r} value={r}>
                {r / 1000} km
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="search-form__row">
        <div className="field">
          <label htmlFor={`${id}-start`}>Arrive</label>
          <input id={`${id}-start`} name="start" type="datetime-local" defaultValue={start} step={900} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>Leave</label>
          <input id={`${id}-end`} name="end" type="datetime-local" defaultValue={end} step={900} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-type`}>Space type</label>
          <select id={`${id}-type`} name="spaceType" defaultValue={criteria.spaceType}>
            {SPACE_TYPES.map((type) => (
              <option key={type} value={type}>
                {SPACE_TYPE_LABELS[type]}
              </option>
            ))}
          </select>
        </div>
      </div>
      <details className="search-form__more" open={criteria.maxPriceCents !== null || criteria.amenities.length > 0 || criteria.sort !== 'distance'}>
        <summary>More filters: price, amenities, sorting</summary>
        <div className="search-form__row">
          <div className="field">
            <label htmlFor={`${id}-max`}>Maximum price</label>
            <input
              id={`${id}-max`}
              name="maxPrice"
              inputMode="decimal"
              placeholder="any"
              defaultValue={criteria.maxPriceCents === null ? '' : (criteria.maxPriceCents / 100).toFixed(2)}
              aria-describedby={`${id}-max-hint`}
            />
            <p id={`${id}-max-hint`} className="field__hint">
              For the whole stay, e.g. {formatMoney(1500)}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-sort`}>Sort</label>
            <select id={`${id}-sort`} name="sort" defaultValue={criteria.sort}>
              {(Object.keys(SORT_LABELS) as MarketplaceSort[]).map((sort) => (
                <option key={sort} value={sort}>
                  {SORT_LABELS[sort]}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="search-form__amenities">
          <legend>Must have</legend>
          {AMENITIES.map((amenity) => (
            <label key={amenity} className="check">
              <input type="checkbox" name="amenities" value={amenity} defaultChecked={criteria.amenities.includes(amenity)} />
              {AMENITY_LABELS[amenity]}
            </label>
          ))}
        </fieldset>
      </details>
      <button type="submit" className="button button--primary">
        Search
      </button>
    </form>
  );
}
