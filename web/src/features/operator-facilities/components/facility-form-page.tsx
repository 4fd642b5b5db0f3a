import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { CreateFacilityRequest, SpaceType } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { usePageTitle } from '../../../components/use-page-title';
import { browserTimeZone } from '../../../lib/time-window';
import { useFormErrors } from '../../../components/use-form-errors';
import { createFacility, useFacilityChange } from '../api/facilities';
import { AddressFields, FACILITY_WORDING, RateFields, SpaceCountFields, formText, readAddress, readRates, readSpaceCounts } from './facility-fields';

const DEFAULT_POINT = { lat: 52.52, lng: 13.405 };

/**
 * A new car park: address and pin, zone and currency, then spaces per type in bulk ("40
 * standard, 6 EV") with a rate for each type that has spaces. Open 24/7 until hours are set on
 * the edit page; unpublished unless asked.
 */
export function NewFacilityPage() {
  usePageTitle('Add a car park');
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const [point, setPoint] = useState(DEFAULT_POINT);
  const create = useFacilityChange(createFacility);
  const { fieldMessages, formMessage, checkFields } = useFormErrors(create.error, formRef, FACILITY_WORDING);
  const [rateTypes, setRateTypes] = useState<SpaceType[]>(['standard']);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checkFields()) return;
    const form = new FormData(event.currentTarget);
    const currency = formText(form, 'currency').toUpperCase();
    const body: CreateFacilityRequest = {
      name: formText(form, 'name'),
      ...readAddress(form),
      timeZone: formText(form, 'timeZone'),
      currency,
      rates: readRates(form, rateTypes, currency || 'EUR'),
      spaces: readSpaceCounts(form),
      published: form.get('published') === 'on',
    };
    create.mutate(body, { onSuccess: (facility) => navigate(`/operator/facilities/${facility.id}`) });
  }

  return (
    <>
      <PageHeader eyebrow="Operator" title="Add a car park" />
      <form ref={formRef} className="form panel" onSubmit={submit} noValidate aria-label="New car park">
        <FormAlert message={formMessage} />
        <FormField label="Name" name="name" errors={fieldMessages['name']} required maxLength={160} />
        <AddressFields fieldMessages={fieldMessages} point={point} onPoint={setPoint} />
        <div className="fieldset-grid">
          <FormField
            label="Time zone"
            name="timeZone"
            defaultValue={browserTimeZone()}
            hint="IANA name, e.g. Europe/Berlin."
            errors={fieldMessages['timeZone']}
            required
            maxLength={64}
          />
          <FormField
            label="Currency"
            name="currency"
            defaultValue="EUR"
            errors={fieldMessages['currency']}
            required
            pattern="[A-Za-z]{3}"
            data-format="currency"
          />
        </div>
        <SpaceCountFields legend="Spaces to create" fieldMessages={fieldMessages} defaults={{ standard: 10 }} onTypesWithSpaces={setRateTypes} />
        <FormAlert message={fieldMessages['spaces']?.join(' ') ?? fieldMessages['rates']?.join(' ') ?? null} />
        <RateFields types={rateTypes} currency="EUR" fieldMessages={fieldMessages} defaultHourly={{ standard: '2.50' }} />
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
