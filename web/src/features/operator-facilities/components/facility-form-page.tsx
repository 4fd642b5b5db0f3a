import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { SPACE_TYPES, type CreateFacilityRequest, type RateInput, type SpaceType } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { usePageTitle } from '../../../components/use-page-title';
import { parseMoneyInput } from '../../../lib/money';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { browserTimeZone } from '../../../lib/time-window';
import { useFormErrors } from '../../auth';
import { createFacility, useFacilityChange } from '../api/facilities';
import { LocationPicker } from './location-picker';

const DEFAULT_POINT = { lat: 52.52, lng: 13.405 };
const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
const count = (form: FormData, name: string) => {
  const value = text(form, name);
  return value === '' ? 0 : Number(value);
};

/**
 * A new car park: address and pin, zone and currency, then spaces per type in bulk ("40
 * standard, 6 EV") with a rate for each type that has spaces. Open 24/7 unless hours are set
 * later; unpublished unless asked.
 */
export function NewFacilityPage() {
  usePageTitle('Add a car park');
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [point, setPoint] = useState(DEFAULT_POINT);
  const create = useFacilityChange(createFacility);
  const { fieldMessages, formMessage } = useFormErrors(create.error, formRef);
  const [rateTypes, setRateTypes] = useState<SpaceType[]>(['standard']);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const currency = text(form, 'currency').toUpperCase();
    const spaces: Partial<Record<SpaceType, number>> = {};
    for (const type of SPACE_TYPES) if (count(form, `spaces.${type}`)) spaces[type] = count(form, `spaces.${type}`);
    const rates: RateInput[] = rateTypes.map((type) => {
      const daily = text(form, `daily.${type}`);
      return {
        spaceType: type,
        // An amount that does not parse is sent as -1 so the server names the field.
        hourlyCents: parseMoneyInput(text(form, `hourly.${type}`), currency || 'EUR') ?? -1,
        dailyMaxCents: daily ? (parseMoneyInput(daily, currency || 'EUR') ?? -1) : null,
        multipliers: [],
      };
    });
    const body: CreateFacilityRequest = {
      name: text(form, 'name'),
      addressLine: text(form, 'addressLine'),
      city: text(form, 'city'),
      postalCode: text(form, 'postalCode') || undefined,
      countryCode: text(form, 'countryCode').toUpperCase(),
      location: { lat: Number(text(form, 'lat')), lng: Number(text(form, 'lng')) },
      timeZone: text(form, 'timeZone'),
      currency,
      rates,
      spaces,
      published: form.get('published') === 'on',
    };
    create.mutate(body, { onSuccess: (facility) => navigate(`/operator/facilities/${facility.id}`) });
  }

  // Rate errors come as rates.<index>.<field>: show them beside that type's inputs.
  const rateErrors = (type: SpaceType, field: string) => fieldMessages[`rates.${rateTypes.indexOf(type)}.${field}`];
  return (
    <>
      <PageHeader eyebrow="Operator" title="Add a car park" />
      <form ref={formRef} className="form panel" onSubmit={submit} noValidate aria-label="New car park">
        <FormAlert message={formMessage} />
        <FormField label="Name" name="name" errors={fieldMessages['name']} />
        <FormField label="Street address" name="addressLine" errors={fieldMessages['addressLine']} autoComplete="street-address" />
        <div className="fieldset-grid">
          <FormField label="City" name="city" errors={fieldMessages['city']} />
          <FormField label="Postal code" name="postalCode" errors={fieldMessages['postalCode']} />
          <FormField label="Country code" name="countryCode" defaultValue="DE" hint="Two letters, e.g. DE." errors={fieldMessages['countryCode']} />
        </div>
        <LocationPicker point={point} onPick={setPoint} />
        <div className="fieldset-grid">
          <FormField label="Latitude" name="lat" inputMode="decimal" value={String(point.lat)} onChange={(event) => setPoint({ ...point, lat: Number(event.target.value) || 0 })} errors={fieldMessages['location.lat'] ?? fieldMessages['location']} />
          <FormField label="Longitude" name="lng" inputMode="decimal" value={String(point.lng)} onChange={(event) => setPoint({ ...point, lng: Number(event.target.value) || 0 })} errors={fieldMessages['location.lng']} />
          <FormField label="Time zone" name="timeZone" defaultValue={browserTimeZone()} hint="IANA name, e.g. Europe/Berlin." errors={fieldMessages['timeZone']} />
          <FormField label="Currency" name="currency" defaultValue="EUR" errors={fieldMessages['currency']} />
        </div>
        <fieldset className="fieldset-grid">
          <legend>Spaces to create</legend>
          {SPACE_TYPES.map((type) => (
            <FormField
              key={type}
              label={`${SPACE_TYPE_LABELS[type]} spaces`}
              name={`spaces.${type}`}
              type="number"
              min={0}
              inputMode="numeric"
              defaultValue={type === 'standard' ? '10' : ''}
              errors={fieldMessages[`spaces.${type}`]}
              onChange={(event) => {
                const has = Number(event.target.value) > 0;
                setRateTypes((current) => (has ? (current.includes(type) ? current : SPACE_TYPES.filter((t) => t === type || current.includes(t))) : current.filter((t) => t !== type)));
              }}
            />
          ))}
        </fieldset>
        <FormAlert message={fieldMessages['spaces']?.join(' ') ?? fieldMessages['rates']?.join(' ') ?? null} />
        {rateTypes.map((type) => (
          <fieldset key={type} className="fieldset-grid">
            <legend>{SPACE_TYPE_LABELS[type]} rate</legend>
            <FormField label={`${SPACE_TYPE_LABELS[type]} price per hour`} name={`hourly.${type}`} inputMode="decimal" defaultValue={type === 'standard' ? '2.50' : ''} errors={rateErrors(type, 'hourlyCents')} />
            <FormField label={`${SPACE_TYPE_LABELS[type]} daily maximum`} name={`daily.${type}`} inputMode="decimal" hint="Optional." errors={rateErrors(type, 'dailyMaxCents')} />
          </fieldset>
        ))}
        <label className="check">
          <input type="checkbox" name="published" /> Publish now (listed in the marketplace once your application is approved)
        </label>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? 'Saving…' : 'Create car park'}
        </button>
      </form>
    </>
  );
}
