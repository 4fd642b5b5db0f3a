import { useCallback, useEffect, useRef, useState, type ChangeEvent, type MouseEvent } from 'react';
import { SPACE_TYPES, type RateInput, type RateView, type SpaceCounts, type SpaceType } from '@aiparksit/shared';
import { FormField } from '../../../components/form-field';
import type { FieldMessages } from '../../../lib/api-error';
import type { FormWording } from '../../../lib/field-messages';
import { parseMoneyInput } from '../../../lib/money';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { locateAddress } from '../api/places';
import { LocationPicker } from './location-picker';

/**
 * The pieces the create and edit forms share. Inputs are uncontrolled (read with FormData on
 * submit) except the pin, which the map and the two number fields move together.
 */

/** The car park's fields in the words of its forms; the address, coordinates and prices use the shared wording. */
export const FACILITY_WORDING: FormWording = {
  name: { required: 'Enter the car park’s name, as drivers will see it.', too_long: ({ max }) => `Shorten the name to ${String(max)} characters.` },
};

export const formText = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export interface Point {
  lat: number;
  lng: number;
}

export interface AddressValues {
  addressLine: string;
  city: string;
  postalCode: string;
  countryCode: string;
}

/** Street, city, postal code, country, and the map pin with its latitude and longitude. */
export function AddressFields({
  fieldMessages,
  initial,
  point,
  onPoint,
}: {
  fieldMessages: FieldMessages;
  initial?: AddressValues;
  point: Point;
  onPoint: (point: Point) => void;
}) {
  const locator = useAddressLocator(point, onPoint);
  return (
    <>
      <FormField
        label="Street address"
        name="addressLine"
        defaultValue={initial?.addressLine}
        errors={fieldMessages['addressLine']}
        autoComplete="street-address"
        required
        maxLength={200}
        onChange={locator.typed}
      />
      <div className="fieldset-grid">
        <FormField label="City" name="city" defaultValue={initial?.city} errors={fieldMessages['city']} required maxLength={120} onChange={locator.typed} />
        <FormField label="Postal code" name="postalCode" defaultValue={initial?.postalCode} errors={fieldMessages['postalCode']} maxLength={20} />
        <FormField
          label="Country code"
          name="countryCode"
          defaultValue={initial?.countryCode ?? 'DE'}
          hint="Two letters, e.g. DE."
          errors={fieldMessages['countryCode']}
          required
          pattern="[A-Za-z]{2}"
          data-format="country"
        />
      </div>
      <div className="toolbar location-finder">
        <button type="button" className="button button--secondary" onClick={locator.asked} disabled={locator.searching}>
          {locator.searching ? 'Finding…' : 'Find the address on the map'}
        </button>
        <p className="field__hint" role="status" data-testid="location-status">
          {locator.status}
        </p>
      </div>
      <LocationPicker point={point} onPick={onPoint} />
      <div className="fieldset-grid">
        <CoordinateField
          label="Latitude"
          name="lat"
          format="latitude"
          value={point.lat}
          onValue={(lat) => onPoint({ ...point, lat })}
          errors={fieldMessages['location.lat'] ?? fieldMessages['lat'] ?? fieldMessages['location']}
        />
        <CoordinateField
          label="Longitude"
          name="lng"
          format="longitude"
          value={point.lng}
          onValue={(lng) => onPoint({ ...point, lng })}
          errors={fieldMessages['location.lng'] ?? fieldMessages['lng']}
        />
      </div>
    </>
  );
}

/** A pin this close to a city's centre was placed in that city on purpose: typing the city's name again does not move it. */
const SAME_CITY_METRES = 20_000;

/** Metres between two points (equirectangular: exact enough within a city). */
function metresBetween(a: Point, b: Point): number {
  const toRadians = Math.PI / 180;
  const x = (b.lng - a.lng) * toRadians * Math.cos(((a.lat + b.lat) / 2) * toRadians);
  const y = (b.lat - a.lat) * toRadians;
  return Math.hypot(x, y) * 6_371_000;
}

/** Six decimals, as the map gives them. */
const roundedPoint = ({ lat, lng }: Point): Point => ({ lat: Number(lat.toFixed(6)), lng: Number(lng.toFixed(6)) });

/**
 * Moves the pin to what the street and city fields name, from our own places and car parks (no
 * geocoder here): a car park already listed at that street address, else the city's centre.
 * While the person types (after a pause), a city's centre moves a pin that is elsewhere, so the
 * map no longer stays in Berlin for a car park in Hamburg; "Find the address on the map" moves
 * it whatever the distance and says when nothing is known.
 */
function useAddressLocator(point: Point, onPoint: (point: Point) => void) {
  const [status, setStatus] = useState('');
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<AbortController | null>(null);
  const form = useRef<HTMLFormElement | null>(null);
  // The pin as it is when an answer arrives, not as it was when the lookup started.
  const latest = useRef({ point, onPoint });
  useEffect(() => {
    latest.current = { point, onPoint };
  });

  useEffect(
    () => () => {
      clearTimeout(timer.current);
      pending.current?.abort();
    },
    [],
  );

  const locate = useCallback(async (asked: boolean) => {
    const fields = form.current ? new FormData(form.current) : null;
    if (!fields) return;
    const addressLine = formText(fields, 'addressLine');
    const city = formText(fields, 'city');
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    if (asked) setSearching(true);
    const before = latest.current.point;
    try {
      const found = await locateAddress(addressLine, city, controller.signal);
      if (controller.signal.aborted) return;
      const { point: current, onPoint: move } = latest.current;
      if (!found) {
        if (asked)
          setStatus(
            city ? `No known place matches “${[addressLine, city].filter(Boolean).join(', ')}”: click the map to place the pin.` : 'Enter the city first.',
          );
        return;
      }
      // Unasked, the pin stays where the person put it while the answer was on its way, and near its city's centre.
      if (!asked && (current !== before || (found.precision === 'city' && metresBetween(current, found.point) < SAME_CITY_METRES))) return;
      move(roundedPoint(found.point));
      setStatus(
        found.precision === 'address'
          ? `Pin placed at ${found.label}. Drag it, or click the map, to put it on your entrance.`
          : `Pin moved to the centre of ${found.label}. Drag it, or click the map, to put it on your entrance.`,
      );
    } catch {
      if (!controller.signal.aborted && asked) setStatus('The address could not be looked up just now: click the map to place the pin.');
    } finally {
      if (pending.current === controller) setSearching(false);
    }
  }, []);

  return {
    status,
    searching,
    /** Street or city typed: look up after a pause in typing. */
    typed: useCallback(
      (event: ChangeEvent<HTMLInputElement>) => {
        form.current = event.currentTarget.form;
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void locate(false), 500);
      },
      [locate],
    ),
    asked: useCallback(
      (event: MouseEvent<HTMLButtonElement>) => {
        form.current = event.currentTarget.form;
        clearTimeout(timer.current);
        void locate(true);
      },
      [locate],
    ),
  };
}

/** "53.5503", " 53,5503 " (a decimal comma as many keyboards type it) → 53.5503; anything else → null. */
export function parseCoordinate(text: string): number | null {
  const normalised = text.trim().replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

const COORDINATE_PATTERN = '\\s*[\\-+]?(\\d+[.,]?\\d*|[.,]\\d+)\\s*';

/**
 * A latitude or longitude as the person types it. The text is theirs: "53." stays "53." on the way
 * to "53.5503" (a field showing the parsed number would drop the point at every keystroke and
 * turn it into 535503); the pin moves whenever the text is a number. When the pin moves by the
 * map or a found address, the field shows the new value.
 */
function CoordinateField({
  label,
  name,
  format,
  value,
  onValue,
  errors,
}: {
  label: string;
  name: string;
  format: 'latitude' | 'longitude';
  value: number;
  onValue: (value: number) => void;
  errors: string[] | undefined;
}) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    setShown(value);
    if (parseCoordinate(text) !== value) setText(String(value));
  }
  return (
    <FormField
      label={label}
      name={name}
      inputMode="decimal"
      autoComplete="off"
      required
      pattern={COORDINATE_PATTERN}
      data-format={format}
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        const parsed = parseCoordinate(event.target.value);
        if (parsed !== null) {
          setShown(parsed);
          onValue(parsed);
        }
      }}
      errors={errors}
    />
  );
}

export function readAddress(form: FormData) {
  return {
    addressLine: formText(form, 'addressLine'),
    city: formText(form, 'city'),
    postalCode: formText(form, 'postalCode') || undefined,
    countryCode: formText(form, 'countryCode').toUpperCase(),
    // Text that is not a number goes as null, which the server names as the missing field.
    location: { lat: parseCoordinate(formText(form, 'lat')) ?? Number.NaN, lng: parseCoordinate(formText(form, 'lng')) ?? Number.NaN },
  };
}

/** A number of spaces per type ("40 standard, 6 EV"); `onTypesWithSpaces` hears which types have some. */
export function SpaceCountFields({
  legend,
  fieldMessages,
  defaults = {},
  onTypesWithSpaces,
}: {
  legend: string;
  fieldMessages: FieldMessages;
  defaults?: SpaceCounts;
  onTypesWithSpaces?: (types: SpaceType[]) => void;
}) {
  return (
    <fieldset
      className="fieldset-grid"
      onChange={(event) => {
        if (!onTypesWithSpaces) return;
        const form = new FormData(event.currentTarget.form ?? undefined);
        onTypesWithSpaces(SPACE_TYPES.filter((type) => Number(formText(form, `spaces.${type}`)) > 0));
      }}
    >
      <legend>{legend}</legend>
      {SPACE_TYPES.map((type) => (
        <FormField
          key={type}
          label={`${SPACE_TYPE_LABELS[type]} spaces`}
          name={`spaces.${type}`}
          type="number"
          min={0}
          inputMode="numeric"
          defaultValue={defaults[type] ? String(defaults[type]) : ''}
          errors={fieldMessages[`spaces.${type}`] ?? fieldMessages[type]}
        />
      ))}
    </fieldset>
  );
}

export function readSpaceCounts(form: FormData): SpaceCounts {
  const spaces: SpaceCounts = {};
  for (const type of SPACE_TYPES) {
    const value = formText(form, `spaces.${type}`);
    if (value !== '' && Number(value) !== 0) spaces[type] = Number(value);
  }
  return spaces;
}

/** Money as an input shows it: 250 cents → "2.50". */
function moneyText(cents: number | null | undefined, currency: string): string {
  if (cents === null || cents === undefined) return '';
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (cents / 10 ** digits).toFixed(digits);
}

/**
 * Hourly price and daily maximum for each listed type. Errors come as rates.<index>.<field>, the
 * index into the rates that were sent (`sentTypes`, the same as `types` unless some were left out).
 */
export function RateFields({
  types,
  sentTypes = types,
  currency,
  fieldMessages,
  initial = [],
  defaultHourly,
  optional = [],
}: {
  types: SpaceType[];
  sentTypes?: SpaceType[];
  currency: string;
  fieldMessages: FieldMessages;
  initial?: RateView[];
  defaultHourly?: Partial<Record<SpaceType, string>>;
  optional?: SpaceType[];
}) {
  const errors = (type: SpaceType, field: string) => (sentTypes.includes(type) ? fieldMessages[`rates.${sentTypes.indexOf(type)}.${field}`] : undefined);
  return (
    <>
      {types.map((type) => {
        const rate = initial.find((each) => each.spaceType === type);
        return (
          <fieldset key={type} className="fieldset-grid">
            <legend>{SPACE_TYPE_LABELS[type]} rate</legend>
            <FormField
              label={`${SPACE_TYPE_LABELS[type]} price per hour`}
              name={`hourly.${type}`}
              inputMode="decimal"
              hint={optional.includes(type) ? 'No spaces of this type yet: optional, needed before adding some.' : undefined}
              defaultValue={rate ? moneyText(rate.hourlyCents, currency) : (defaultHourly?.[type] ?? '')}
              errors={errors(type, 'hourlyCents')}
            />
            <FormField
              label={`${SPACE_TYPE_LABELS[type]} daily maximum`}
              name={`daily.${type}`}
              inputMode="decimal"
              defaultValue={moneyText(rate?.dailyMaxCents, currency)}
              hint="Optional."
              errors={errors(type, 'dailyMaxCents')}
            />
          </fieldset>
        );
      })}
    </>
  );
}

/** The rate cards of the form; time-of-day multipliers set elsewhere are kept as they were. */
export function readRates(form: FormData, types: SpaceType[], currency: string, existing: RateView[] = []): RateInput[] {
  return types.map((type) => {
    const daily = formText(form, `daily.${type}`);
    return {
      spaceType: type,
      // An amount that does not parse is sent as -1 so the server names the field.
      hourlyCents: parseMoneyInput(formText(form, `hourly.${type}`), currency) ?? -1,
      dailyMaxCents: daily ? (parseMoneyInput(daily, currency) ?? -1) : null,
      multipliers: existing.find((rate) => rate.spaceType === type)?.multipliers ?? [],
    };
  });
}
