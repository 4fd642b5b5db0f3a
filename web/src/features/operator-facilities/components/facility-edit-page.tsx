import { useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { AMENITIES, SPACE_TYPES, WEEKDAYS, type ManagedFacility, type SpaceType, type UpdateFacilityRequest, type Weekday } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { ApiError, describeError } from '../../../lib/api-error';
import { AMENITY_LABELS } from '../../../lib/parking-vocabulary';
import { useFormErrors } from '../../../components/use-form-errors';
import { useManagedFacility } from '../../../shared/managed-facilities';
import { updateFacility, useFacilityChange } from '../api/facilities';
import { BlackoutsPanel } from './blackouts-panel';
import { AddressFields, FACILITY_WORDING, RateFields, formText, readAddress, readRates } from './facility-fields';
import { WEEKDAY_LABELS, intervalsToText, openingHoursFromText } from './opening-hours-text';
import { SpacesPanel } from './spaces-panel';

/** Everything an operator changes about a car park after creating it: details, rates, spaces, blackouts. */
export function FacilityEditPage() {
  const { facilityId = '' } = useParams();
  const facility = useManagedFacility(facilityId);
  usePageTitle(facility.data ? `Edit ${facility.data.name}` : 'Edit car park');
  if (facility.isPending) return <LoadingState label="Loading the car park…" />;
  if (facility.isError) {
    const missing = facility.error instanceof ApiError && facility.error.status === 404;
    return (
      <ErrorState
        title={missing ? 'Car park not found' : undefined}
        message={missing ? 'It does not exist or is not yours.' : describeError(facility.error)}
        onRetry={missing ? undefined : () => void facility.refetch()}
      />
    );
  }
  const data = facility.data;
  return (
    <>
      <PageHeader eyebrow="Edit car park" title={data.name}>
        <p>
          <Link to={`/operator/facilities/${data.id}`}>Back to the car park</Link>
        </p>
      </PageHeader>
      <FacilityDetailsForm facility={data} />
      <SpacesPanel facility={data} />
      <BlackoutsPanel facility={data} />
    </>
  );
}

/** Types that must keep a rate: those with spaces (inactive ones can be activated again). */
function typesWithSpaces(facility: ManagedFacility): SpaceType[] {
  return SPACE_TYPES.filter((type) => [...facility.spaces, ...facility.inactiveSpaces].some((s) => s.spaceType === type && s.count));
}

function FacilityDetailsForm({ facility }: { facility: ManagedFacility }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [point, setPoint] = useState(facility.location);
  const [open24x7, setOpen24x7] = useState(facility.openingHours === null);
  const [hourErrors, setHourErrors] = useState<Partial<Record<Weekday, string>>>({});
  const [saved, setSaved] = useState(false);
  const update = useFacilityChange(updateFacility);
  const { fieldMessages, formMessage, checkFields } = useFormErrors(update.error, formRef, FACILITY_WORDING);
  const required = typesWithSpaces(facility);
  const [sentTypes, setSentTypes] = useState<SpaceType[]>([]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checkFields()) return;
    setSaved(false);
    const form = new FormData(event.currentTarget);
    const texts = Object.fromEntries(WEEKDAYS.map((day) => [day, formText(form, `hours.${day}`)])) as Record<Weekday, string>;
    const hours = openingHoursFromText(open24x7, texts);
    if ('errors' in hours) {
      setHourErrors(hours.errors);
      return;
    }
    setHourErrors({});
    const height = formText(form, 'heightLimitCm');
    const rateTypesToSend = SPACE_TYPES.filter((type) => required.includes(type) || formText(form, `hourly.${type}`) !== '');
    const changes: UpdateFacilityRequest = {
      name: formText(form, 'name'),
      description: formText(form, 'description'),
      ...readAddress(form),
      openingHours: hours.openingHours,
      amenities: AMENITIES.filter((amenity) => form.get(`amenity.${amenity}`) === 'on'),
      // Empty means no limit; text that is not a number is sent as -1 so the server names the field.
      heightLimitCm: height === '' ? null : Number.isInteger(Number(height)) ? Number(height) : -1,
      // A type without spaces keeps a rate only while its price is filled in.
      rates: readRates(form, rateTypesToSend, facility.currency, facility.rates),
    };
    setSentTypes(rateTypesToSend);
    update.mutate({ id: facility.id, changes }, { onSuccess: () => setSaved(true) });
  }

  return (
    <form ref={formRef} className="form panel" onSubmit={submit} noValidate aria-labelledby="facility-details">
      <h2 id="facility-details">Details, hours and rates</h2>
      <FormAlert message={formMessage} />
      <FormField label="Name" name="name" defaultValue={facility.name} errors={fieldMessages['name']} required maxLength={160} />
      <div className="field">
        <label htmlFor="facility-description">Description</label>
        <textarea id="facility-description" name="description" rows={3} maxLength={5000} defaultValue={facility.description} />
      </div>
      <AddressFields fieldMessages={fieldMessages} initial={facility} point={point} onPoint={setPoint} />
      <p className="field__hint">
        Time zone {facility.timeZone}, prices in {facility.currency}.
      </p>
      <fieldset className="fieldset-grid" aria-describedby="hours-hint">
        <legend>Opening hours</legend>
        <p id="hours-hint" className="field__hint" style={{ gridColumn: '1 / -1' }}>
          Local time. One or more ranges per day, e.g. 07:00-12:00, 13:00-22:00; empty is closed; 22:00-02:00 runs past midnight.
        </p>
        <label className="check" style={{ gridColumn: '1 / -1' }}>
          <input type="checkbox" name="open24x7" checked={open24x7} onChange={(event) => setOpen24x7(event.target.checked)} /> Open 24/7
        </label>
        {!open24x7 &&
          WEEKDAYS.map((day) => (
            <FormField
              key={day}
              label={WEEKDAY_LABELS[day]}
              name={`hours.${day}`}
              defaultValue={facility.openingHours ? intervalsToText(facility.openingHours[day]) : '00:00-24:00'}
              errors={hourErrors[day] ? [hourErrors[day]] : undefined}
            />
          ))}
        <FormAlert message={fieldMessages['openingHours']?.join(' ') ?? null} />
      </fieldset>
      <fieldset className="fieldset-grid">
        <legend>Amenities</legend>
        {AMENITIES.map((amenity) => (
          <label key={amenity} className="check">
            <input type="checkbox" name={`amenity.${amenity}`} defaultChecked={facility.amenities.includes(amenity)} /> {AMENITY_LABELS[amenity]}
          </label>
        ))}
      </fieldset>
      <FormField
        label="Height limit (cm)"
        name="heightLimitCm"
        type="number"
        inputMode="numeric"
        min={100}
        max={1000}
        defaultValue={facility.heightLimitCm ?? ''}
        hint="Empty: no limit."
        errors={fieldMessages['heightLimitCm']}
      />
      <FormAlert message={fieldMessages['rates']?.join(' ') ?? null} />
      <RateFields
        types={[...SPACE_TYPES]}
        sentTypes={sentTypes}
        optional={SPACE_TYPES.filter((type) => !required.includes(type))}
        currency={facility.currency}
        fieldMessages={fieldMessages}
        initial={facility.rates}
      />
      <div className="toolbar">
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save changes'}
        </button>
        <span role="status" data-testid="details-saved">
          {saved && !update.isPending ? 'Changes saved.' : ''}
        </span>
      </div>
    </form>
  );
}
