import { useId, useRef, useState, type FormEvent } from 'react';
import { SPACE_TYPES, type BlackoutCreated, type BlackoutView, type CreateBlackoutRequest, type ManagedFacility, type SpaceType } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { describeError } from '../../../lib/api-error';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { formatWindow, wallClockToIso } from '../../../lib/time-window';
import { useFormErrors } from '../../../components/use-form-errors';
import { createBlackout, deleteBlackout, useBlackoutChange, useBlackouts } from '../api/blackouts';
import { formText } from './facility-fields';
import { BlockingBookings } from './spaces-panel';

/** Periods when the car park, or one type of its spaces, takes no new bookings; existing ones stay. */
export function BlackoutsPanel({ facility }: { facility: ManagedFacility }) {
  const blackouts = useBlackouts(facility.id);
  const remove = useBlackoutChange(deleteBlackout);
  const [created, setCreated] = useState<BlackoutCreated | null>(null);
  return (
    <section className="panel stack" aria-labelledby="facility-blackouts">
      <h2 id="facility-blackouts">Blackouts</h2>
      <p className="field__hint">
        No new bookings in these periods. Bookings already made are kept; the ones inside a new blackout are listed so you can contact the drivers.
      </p>
      <AddBlackoutForm facility={facility} onCreated={setCreated} />
      {created && (
        <div className="notice" role="status" data-testid="blackout-created">
          <p>
            Blackout added for {formatWindow(created.blackout.start, created.blackout.end, facility.timeZone)}.{' '}
            {created.bookingsInside.length === 0
              ? 'No existing booking falls inside it.'
              : `${created.bookingsInside.length} existing booking(s) fall inside it and are kept:`}
          </p>
          {created.bookingsInside.length > 0 && (
            <BlockingBookings bookings={created.bookingsInside} timeZone={facility.timeZone} caption="Existing bookings inside the blackout" />
          )}
        </div>
      )}
      {blackouts.isPending && <LoadingState label="Loading blackouts…" />}
      {blackouts.isError && <ErrorState message={describeError(blackouts.error)} onRetry={() => void blackouts.refetch()} />}
      {blackouts.data?.results.length === 0 && <EmptyState title="No blackouts" />}
      <FormAlert message={remove.error ? describeError(remove.error) : null} />
      {blackouts.data && blackouts.data.results.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-testid="blackout-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Covers</th>
                <th scope="col">Reason</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {blackouts.data.results.map((blackout) => (
                <tr key={blackout.id}>
                  <th scope="row">{formatWindow(blackout.start, blackout.end, facility.timeZone)}</th>
                  <td>{coverage(blackout)}</td>
                  <td>{blackout.reason || '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate({ facilityId: facility.id, blackoutId: blackout.id })}
                      aria-label={`Remove the blackout ${blackout.reason || formatWindow(blackout.start, blackout.end, facility.timeZone)}`}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function coverage(blackout: BlackoutView): string {
  if (blackout.spaceIds?.length) return `${blackout.spaceIds.length} space(s)`;
  if (blackout.spaceType) return `All ${SPACE_TYPE_LABELS[blackout.spaceType].toLowerCase()} spaces`;
  return 'The whole car park';
}

function AddBlackoutForm({ facility, onCreated }: { facility: ManagedFacility; onCreated: (created: BlackoutCreated) => void }) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const create = useBlackoutChange(createBlackout);
  const { fieldMessages, formMessage, checkFields } = useFormErrors(create.error, formRef);
  const [localError, setLocalError] = useState<string | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checkFields()) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    // The inputs are wall-clock times of the car park's own zone, whatever the browser's is.
    const start = wallClockToIso(formText(data, 'start'), facility.timeZone);
    const end = wallClockToIso(formText(data, 'end'), facility.timeZone);
    if (!start || !end) {
      setLocalError('Give a start and an end.');
      return;
    }
    setLocalError(null);
    const scope = formText(data, 'scope');
    const blackout: CreateBlackoutRequest = { start, end, reason: formText(data, 'reason') || undefined, spaceType: scope ? (scope as SpaceType) : undefined };
    create.mutate(
      { facilityId: facility.id, blackout },
      {
        onSuccess: (created) => {
          form.reset();
          onCreated(created);
        },
      },
    );
  }
  return (
    <form ref={formRef} className="form form--inline" onSubmit={submit} noValidate aria-label="Add a blackout">
      <FormField label="Blackout starts" name="start" type="datetime-local" hint={`${facility.timeZone} time`} errors={fieldMessages['start']} required />
      <FormField label="Blackout ends" name="end" type="datetime-local" errors={fieldMessages['end']} required />
      <div className="field">
        <label htmlFor={`${id}-scope`}>Covers</label>
        <select id={`${id}-scope`} name="scope" defaultValue="">
          <option value="">The whole car park</option>
          {SPACE_TYPES.filter((type) => facility.spaceTypes.includes(type)).map((type) => (
            <option key={type} value={type}>
              All {SPACE_TYPE_LABELS[type].toLowerCase()} spaces
            </option>
          ))}
        </select>
      </div>
      <FormField label="Reason" name="reason" maxLength={500} hint="Optional, e.g. resurfacing." errors={fieldMessages['reason']} />
      <button type="submit" className="button button--primary" disabled={create.isPending}>
        Add blackout
      </button>
      <FormAlert message={localError ?? formMessage} />
    </form>
  );
}
