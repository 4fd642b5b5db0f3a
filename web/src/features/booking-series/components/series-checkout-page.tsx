import { useId, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import {
  SERIES_WEEKS_MAX,
  SERIES_WEEKS_MIN,
  bookingSeriesPagePath,
  type BookingSeriesPreview,
  type SeriesMode,
  type SpaceType,
  type WeeklyPattern,
} from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { PageHeader } from '../../../components/page-header';
import { usePageTitle } from '../../../components/use-page-title';
import { ApiError, describeError } from '../../../lib/api-error';
import { formatMoney } from '../../../lib/money';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { formatClock, zoneAbbreviation } from '../../../lib/time-window';
import { WithStayOfSearch } from '../../../shared/facilities';
import { useCreateSeries } from '../api/create-series';
import { usePreviewSeries } from '../api/preview-series';
import { WEEKDAY_LABELS, describePattern, patternFromStay } from './series-pattern';

/**
 * "Repeat weekly": the stay chosen at checkout as a weekly pattern. The driver adjusts days,
 * times and weeks, sees every occurrence (free or why not, and its price), chooses all or only
 * the free ones, and holds them in one go; paying is on the series page.
 */
export function SeriesCheckoutPage() {
  usePageTitle('Repeat weekly');
  return (
    <WithStayOfSearch nothingTitle="Nothing to repeat" nothingHint="and choose a stay first.">
      {(stay, facility) => (
        <SeriesForm
          facilityId={stay.facilityId}
          facilityName={facility.name}
          address={`${facility.addressLine}, ${facility.city}`}
          timeZone={facility.timeZone}
          spaceType={stay.spaceType}
          initial={patternFromStay(stay.start, stay.end, facility.timeZone)}
        />
      )}
    </WithStayOfSearch>
  );
}

function SeriesForm(props: { facilityId: string; facilityName: string; address: string; timeZone: string; spaceType: SpaceType; initial: WeeklyPattern }) {
  const id = useId();
  const navigate = useNavigate();
  const preview = usePreviewSeries();
  const create = useCreateSeries();
  const [pattern, setPattern] = useState<WeeklyPattern>(props.initial);
  // The plate typed at checkout, when the driver came from there.
  const carried = (useLocation().state as { vehiclePlate?: string } | null)?.vehiclePlate;
  const [vehiclePlate, setVehiclePlate] = useState(carried ?? '');
  const [mode, setMode] = useState<SeriesMode>('all');
  const request = { facilityId: props.facilityId, spaceType: props.spaceType, vehiclePlate: vehiclePlate.trim().toUpperCase(), ...pattern };
  const error = create.error ?? preview.error;
  const fields = error instanceof ApiError ? error.fieldMessages : {};

  // Any change makes the preview stale: the dates and prices shown must be the ones held.
  function change(next: Partial<WeeklyPattern>) {
    setPattern((current) => ({ ...current, ...next }));
    preview.reset();
    create.reset();
  }

  function showDates(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.reset();
    preview.mutate(request, { onSuccess: (result) => setMode(result.allTotalCents === null ? 'free' : 'all') });
  }

  function hold() {
    create.mutate({ ...request, mode }, { onSuccess: (series) => void navigate(bookingSeriesPagePath(series.id), { replace: true }) });
  }

  return (
    <>
      <PageHeader eyebrow="Checkout · repeat weekly" title="Book the same stay every week" />
      <section className="panel">
        <dl className="details">
          <dt>Car park</dt>
          <dd>
            {props.facilityName}, {props.address}
          </dd>
          <dt>Space</dt>
          <dd>{SPACE_TYPE_LABELS[props.spaceType]}</dd>
        </dl>
        <form className="form series-form" onSubmit={showDates} noValidate>
          <FormAlert message={error && !(error instanceof ApiError && error.status === 409) ? describeError(error) : null} />
          <fieldset className="series-form__days">
            <legend>Days</legend>
            {[1, 2, 3, 4, 5, 6, 7].map((day) => (
              <label key={day} className="series-form__day">
                <input
                  type="checkbox"
                  checked={pattern.weekdays.includes(day)}
                  onChange={(event) =>
                    change({ weekdays: event.target.checked ? [...pattern.weekdays, day].sort((a, b) => a - b) : pattern.weekdays.filter((d) => d !== day) })
                  }
                />
                {WEEKDAY_LABELS[day]}
              </label>
            ))}
            {fields['weekdays'] && <p className="field__errors">{fields['weekdays'].join(' ')}</p>}
          </fieldset>
          <div className="series-form__row">
            <FormField
              label="From"
              name="startTime"
              type="time"
              value={pattern.startTime}
              onChange={(e) => change({ startTime: e.target.value })}
              errors={fields['startTime']}
            />
            <FormField
              label="Until"
              name="endTime"
              type="time"
              value={pattern.endTime}
              onChange={(e) => change({ endTime: e.target.value })}
              errors={fields['endTime']}
            />
          </div>
          <div className="series-form__row">
            <FormField
              label="First day"
              name="firstDate"
              type="date"
              value={pattern.firstDate}
              onChange={(e) => change({ firstDate: e.target.value })}
              errors={fields['firstDate']}
            />
            <FormField
              label="Weeks"
              name="weeks"
              type="number"
              min={SERIES_WEEKS_MIN}
              max={SERIES_WEEKS_MAX}
              value={pattern.weeks}
              onChange={(e) => change({ weeks: Number(e.target.value) })}
              errors={fields['weeks']}
            />
          </div>
          <p className="field__hint">Times are local at the car park ({props.timeZone.replaceAll('_', ' ')}), also across a clock change.</p>
          <FormField
            label="Vehicle plate"
            name="vehiclePlate"
            value={vehiclePlate}
            onChange={(e) => {
              setVehiclePlate(e.target.value);
              preview.reset();
            }}
            autoCapitalize="characters"
            autoComplete="off"
            hint="As on the number plate, e.g. B-AB 123"
            errors={fields['vehiclePlate']}
          />
          <button type="submit" className="button button--secondary" disabled={preview.isPending}>
            {preview.isPending ? 'Checking the dates…' : 'Show the dates and prices'}
          </button>
        </form>
      </section>
      {preview.data && (
        <section className="panel" aria-labelledby={`${id}-dates`}>
          <h2 id={`${id}-dates`}>{describePattern(pattern)}</h2>
          <OccurrenceTable preview={preview.data} />
          <fieldset className="series-mode">
            <legend>Book</legend>
            <label className="series-mode__choice">
              <input
                type="radio"
                name="mode"
                value="all"
                checked={mode === 'all'}
                disabled={preview.data.allTotalCents === null}
                onChange={() => setMode('all')}
              />
              All {preview.data.occurrences.length} stays
              {preview.data.allTotalCents === null
                ? ' (not possible: some are not free)'
                : ` · ${formatMoney(preview.data.allTotalCents, preview.data.currency)}`}
            </label>
            <label className="series-mode__choice">
              <input type="radio" name="mode" value="free" checked={mode === 'free'} disabled={preview.data.freeCount === 0} onChange={() => setMode('free')} />
              Only the {preview.data.freeCount} free ones · {formatMoney(preview.data.freeTotalCents, preview.data.currency)}
            </label>
          </fieldset>
          <FormAlert message={create.error instanceof ApiError && create.error.status === 409 ? describeError(create.error) : null} />
          <button
            type="button"
            className="button button--primary"
            onClick={hold}
            disabled={create.isPending || (mode === 'free' && preview.data.freeCount === 0)}
          >
            {create.isPending ? 'Holding the spaces…' : 'Hold these stays and pay once'}
          </button>
        </section>
      )}
    </>
  );
}

function OccurrenceTable({ preview }: { preview: BookingSeriesPreview }) {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: preview.timeZone, weekday: 'short', day: 'numeric', month: 'short' });
  return (
    <ul className="series-occurrences" aria-label="Dates">
      {preview.occurrences.map((o) => (
        <li key={o.date} className={o.free ? 'series-occurrence' : 'series-occurrence series-occurrence--refused'} data-date={o.date}>
          <span className="series-occurrence__day">{day.format(new Date(o.start))}</span>
          <span className="series-occurrence__time">
            {formatClock(o.start, preview.timeZone)}–{formatClock(o.end, preview.timeZone)} {zoneAbbreviation(o.start, preview.timeZone)}
          </span>
          <span className="series-occurrence__state">{o.free ? 'Free' : (o.refusal?.message ?? 'Not bookable')}</span>
          <span className="series-occurrence__price">{o.amountCents === null ? '—' : formatMoney(o.amountCents, preview.currency)}</span>
        </li>
      ))}
    </ul>
  );
}
