import { useId, useState, type FormEvent } from 'react';
import { AMENITIES, SPACE_TYPES, type Amenity, type MarketplaceSort, type SpaceType } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { formatMoney, parseMoneyInput } from '../../../lib/money';
import { AMENITY_LABELS, SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { WINDOW_PROBLEM_SENTENCES, defaultWindow, describeZone, earliestStart, instantToWallClock, windowToIso } from '../../../lib/time-window';
import { PlaceField, type PlaceChoice } from './place-field';
import { DEFAULT_RADIUS_METERS, type SearchCriteria } from './search-params';
import { AmenityIcon } from '../../../components/amenity-icon';

const RADII = [1000, 2000, 5000, 10_000, 25_000, 50_000];
const SORT_LABELS: Record<MarketplaceSort, string> = { distance: 'Nearest first', price: 'Cheapest first', availability: 'Most free spaces' };

export interface SearchFormProps {
  criteria: SearchCriteria;
  onSearch: (criteria: SearchCriteria) => void;
  /** Opens a car park chosen from the suggestions, with the window and type of the form. */
  onOpenFacility: (facilityId: string, criteria: SearchCriteria) => void;
  /** The zone the arrive/leave inputs speak: the car parks' once results are known, else the browser's. */
  timeZone: string;
  submitLabel?: string;
  className?: string;
  /** Whether a map is beside the form to pick a spot on (not on the landing page). */
  withMap?: boolean;
}

/**
 * Where (a city, a car park or an address with suggestions as you type, or a point: "near me" or
 * picked on the map), when (wall clock in `timeZone`, never in the past), and filters.
 */
export function SearchForm({ criteria, onSearch, onOpenFacility, timeZone, submitLabel = 'Find parking', className = '', withMap = true }: SearchFormProps) {
  const id = useId();
  const [now] = useState(() => new Date());
  const [initialWindow] = useState(() => defaultWindow(now, timeZone));
  const [problem, setProblem] = useState<string | null>(null);
  const [locating, setLocating] = useState(false);
  const [point, setPoint] = useState(criteria.point);
  const [placeText, setPlaceText] = useState(criteria.point ? '' : criteria.city);

  /** The criteria the form holds now, or null after saying what is missing. */
  function read(form: HTMLFormElement): Omit<SearchCriteria, 'city' | 'point'> | null {
    const data = new FormData(form);
    const window = windowToIso({ start: String(data.get('start') ?? ''), end: String(data.get('end') ?? '') }, timeZone, new Date());
    if ('problem' in window) {
      setProblem(WINDOW_PROBLEM_SENTENCES[window.problem]);
      return null;
    }
    const maxPriceText = String(data.get('maxPrice') ?? '').trim();
    const maxPriceCents = maxPriceText ? parseMoneyInput(maxPriceText) : null;
    if (maxPriceText && maxPriceCents === null) {
      setProblem('Enter the maximum price as an amount, such as 12 or 12.50.');
      return null;
    }
    setProblem(null);
    return {
      radius: Number(data.get('radius') ?? DEFAULT_RADIUS_METERS),
      start: window.start,
      end: window.end,
      spaceType: String(data.get('spaceType') ?? 'standard') as SpaceType,
      amenities: data.getAll('amenities').map(String) as Amenity[],
      maxPriceCents,
      sort: String(data.get('sort') ?? 'distance') as MarketplaceSort,
    };
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const rest = read(event.currentTarget);
    if (!rest) return;
    const city = placeText.trim();
    const usePoint = point !== null && city === '';
    if (!usePoint && !city) {
      setProblem('Enter where you are going (a city, a car park or an address), or use your location.');
      return;
    }
    onSearch({ ...rest, city, point: usePoint ? point : null });
  }

  function choose(choice: PlaceChoice, form: HTMLFormElement | null) {
    if (!form) return;
    const rest = read(form);
    if (!rest) return;
    if (choice.kind === 'facility') onOpenFacility(choice.facilityId, { ...rest, city: '', point: null });
    else if (choice.kind === 'city') onSearch({ ...rest, city: choice.city, point: null });
    else onSearch({ ...rest, city: '', point: choice.location });
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
        setPlaceText('');
        setPoint({ lat: position.coords.latitude, lng: position.coords.longitude });
      },
      () => {
        setLocating(false);
        setProblem('Your location is not available. Enter a city instead.');
      },
      { timeout: 10_000 },
    );
  }

  const start = criteria.start ? instantToWallClock(criteria.start, timeZone) : initialWindow.start;
  const end = criteria.end ? instantToWallClock(criteria.end, timeZone) : initialWindow.end;
  const earliest = earliestStart(now, timeZone);
  const fromWhere = point && !placeText.trim() ? 'of the spot' : 'of the city centre';

  return (
    <form className={`search-form panel ${className}`} onSubmit={submit} noValidate aria-label="Search parking">
      <FormAlert message={problem} />
      <div className="search-form__row search-form__row--where">
        <PlaceField
          id={`${id}-place`}
          value={placeText}
          onChange={(text) => {
            setPlaceText(text);
            if (text) setPoint(null);
          }}
          onChoose={(choice, input) => choose(choice, input.form)}
        />
        <div className="field search-form__near">
          <span className="field__label" aria-hidden="true">
            &nbsp;
          </span>
          <button type="button" className="button button--secondary" onClick={locate} disabled={locating} aria-describedby={`${id}-point`}>
            {locating ? 'Locating…' : 'Near me'}
          </button>
          <p id={`${id}-point`} className="field__hint" aria-live="polite">
            {point && !placeText ? `Around ${point.lat.toFixed(4)}, ${point.lng.toFixed(4)}` : withMap ? 'Or click the map to search around a spot.' : ''}
          </p>
        </div>
      </div>
      <div className="search-form__row search-form__row--when">
        <div className="field">
          <label htmlFor={`${id}-start`}>Arrive</label>
          <input id={`${id}-start`} name="start" type="datetime-local" defaultValue={start} min={earliest} step={900} aria-describedby={`${id}-zone`} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-end`}>Leave</label>
          <input id={`${id}-end`} name="end" type="datetime-local" defaultValue={end} min={earliest} step={900} aria-describedby={`${id}-zone`} />
        </div>
      </div>
      <p id={`${id}-zone`} className="field__hint search-form__zone" data-testid="search-zone">
        Times are {describeZone(criteria.start ?? now.toISOString(), timeZone)}.
      </p>
      <div className="search-form__row search-form__row--options">
        <div className="field">
          <label htmlFor={`${id}-radius`}>Within</label>
          <select id={`${id}-radius`} name="radius" defaultValue={String(criteria.radius)} aria-describedby={`${id}-radius-hint`}>
            {RADII.map((r) => (
              <option key={r} value={r}>
                {r / 1000} km
              </option>
            ))}
          </select>
          <p id={`${id}-radius-hint`} className="field__hint">
            {fromWhere}
          </p>
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
              <AmenityIcon amenity={amenity} />
              {AMENITY_LABELS[amenity]}
            </label>
          ))}
        </fieldset>
      </details>
      <button type="submit" className="button button--primary search-form__submit">
        {submitLabel}
      </button>
    </form>
  );
}
