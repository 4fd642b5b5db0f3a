import { useRef, useState, type FormEvent } from 'react';
import { SPACE_TYPES, type BlockingBooking, type ManagedFacility, type ManagedSpace } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { describeError } from '../../../lib/api-error';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { formatWindow } from '../../../lib/time-window';
import { BookingStatusBadge } from '../../../shared/bookings';
import { useFormErrors } from '../../../components/use-form-errors';
import { addSpaces, useFacilityChange } from '../api/facilities';
import { blockingBookingsOf, useSetSpaceActive, useSpaces } from '../api/spaces';
import { SpaceCountFields, readSpaceCounts } from './facility-fields';

/** Spaces in bulk ("40 standard, 6 EV"), and each space taken out of service or back. */
export function SpacesPanel({ facility }: { facility: ManagedFacility }) {
  const spaces = useSpaces(facility.id);
  const toggle = useSetSpaceActive();
  const blocking = blockingBookingsOf(toggle.error);
  const failedSpace = toggle.variables?.spaceId;
  return (
    <section className="panel stack" aria-labelledby="facility-spaces">
      <h2 id="facility-spaces">Spaces</h2>
      <AddSpacesForm facility={facility} />
      {spaces.isPending && <LoadingState label="Loading spaces…" />}
      {spaces.isError && <ErrorState message={describeError(spaces.error)} onRetry={() => void spaces.refetch()} />}
      {spaces.data?.results.length === 0 && <EmptyState title="No spaces yet" />}
      {toggle.error && (
        <div className="notice" role="alert" data-testid="deactivate-refused">
          <p>{describeError(toggle.error)}</p>
          {blocking.length > 0 && (
            <BlockingBookings
              bookings={blocking}
              timeZone={facility.timeZone}
              caption={`Bookings that keep ${spaces.data?.results.find((s) => s.id === failedSpace)?.label ?? 'the space'} in use`}
            />
          )}
        </div>
      )}
      {spaces.data && spaces.data.results.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-testid="space-table">
            <thead>
              <tr>
                <th scope="col">Space</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col">Next booking</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {spaces.data.results.map((space) => (
                <SpaceRow
                  key={space.id}
                  space={space}
                  timeZone={facility.timeZone}
                  busy={toggle.isPending}
                  onToggle={() => toggle.mutate({ facilityId: facility.id, spaceId: space.id, active: !space.active })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function SpaceRow({ space, timeZone, busy, onToggle }: { space: ManagedSpace; timeZone: string; busy: boolean; onToggle: () => void }) {
  return (
    <tr data-space-label={space.label}>
      <th scope="row">{space.label}</th>
      <td>{SPACE_TYPE_LABELS[space.spaceType]}</td>
      <td>{space.active ? 'Active' : 'Inactive'}</td>
      <td>{space.nextBooking ? `${space.nextBooking.code}, ${formatWindow(space.nextBooking.start, space.nextBooking.end, timeZone)}` : '—'}</td>
      <td>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={onToggle}
          aria-label={`${space.active ? 'Deactivate' : 'Activate'} ${space.label}`}
        >
          {space.active ? 'Deactivate' : 'Activate'}
        </button>
      </td>
    </tr>
  );
}

export function BlockingBookings({ bookings, timeZone, caption }: { bookings: BlockingBooking[]; timeZone: string; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid="blocking-bookings">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Space</th>
            <th scope="col">When</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {bookings.map((booking) => (
            <tr key={booking.id} data-booking-code={booking.code}>
              <th scope="row">{booking.code}</th>
              <td>{booking.spaceLabel}</td>
              <td>{formatWindow(booking.start, booking.end, timeZone)}</td>
              <td>
                <BookingStatusBadge status={booking.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AddSpacesForm({ facility }: { facility: ManagedFacility }) {
  const formRef = useRef<HTMLFormElement>(null);
  const add = useFacilityChange(addSpaces);
  const [added, setAdded] = useState<string | null>(null);
  const { fieldMessages, formMessage, checkFields } = useFormErrors(add.error, formRef);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checkFields()) return;
    const form = event.currentTarget;
    const spaces = readSpaceCounts(new FormData(form));
    setAdded(null);
    add.mutate(
      { id: facility.id, spaces },
      {
        onSuccess: () => {
          form.reset();
          setAdded(
            SPACE_TYPES.filter((type) => spaces[type])
              .map((type) => `${spaces[type]} ${SPACE_TYPE_LABELS[type].toLowerCase()}`)
              .join(', '),
          );
        },
      },
    );
  }
  const missingRates = SPACE_TYPES.filter((type) => !facility.rates.some((rate) => rate.spaceType === type));
  return (
    <form ref={formRef} className="form" onSubmit={submit} noValidate aria-label="Add spaces">
      <SpaceCountFields legend="Spaces to add" fieldMessages={fieldMessages} />
      {missingRates.length > 0 && (
        <p className="field__hint">
          Types without a rate ({missingRates.map((type) => SPACE_TYPE_LABELS[type]).join(', ')}) need one first: set it under Details, hours and rates.
        </p>
      )}
      <FormAlert message={formMessage} />
      <div className="toolbar">
        <button type="submit" className="button button--secondary" disabled={add.isPending}>
          Add spaces
        </button>
        <span role="status">{added && `Added ${added}.`}</span>
      </div>
    </form>
  );
}
