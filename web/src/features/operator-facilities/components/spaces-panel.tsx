import { useId, useRef, useState, type FormEvent } from 'react';
import { SPACE_TYPES, type BlockingBooking, type ManagedFacility, type ManagedSpace, type SpaceType } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { FormField } from '../../../components/form-field';
import { ResponsiveTable, type TableColumn } from '../../../components/responsive-table';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { useFormErrors } from '../../../components/use-form-errors';
import { describeError } from '../../../lib/api-error';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { formatWindow, formatWindowCompact } from '../../../lib/time-window';
import { BookingStatusBadge } from '../../../shared/bookings';
import { addSpaces, useFacilityChange } from '../api/facilities';
import { blockingBookingsOf, useSetSpacesActive, useSpaces } from '../api/spaces';
import { groupSpaces, nextLabels, spacesToDeactivate, type SpaceGroup } from './space-groups';

/** A group with more spaces than this starts folded: its counts say enough until it is opened. */
const OPEN_GROUP_MAX = 24;

const typeName = (type: SpaceType) => SPACE_TYPE_LABELS[type].toLowerCase();
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * The facility's spaces grouped by type, with counts per type; spaces added in bulk with
 * generated labels, and taken out of service or back in bulk (ticked, or "N of a type").
 * Every bulk change is one request: all spaces change, or none and the bookings in the way are named.
 */
export function SpacesPanel({ facility }: { facility: ManagedFacility }) {
  const spaces = useSpaces(facility.id);
  const change = useSetSpacesActive();
  const [done, setDone] = useState<string | null>(null);
  const all = spaces.data?.results ?? [];
  const groups = groupSpaces(all);
  const blocking = blockingBookingsOf(change.error);

  function run(spaceIds: string[], active: boolean, what: string, onSuccess?: () => void) {
    setDone(null);
    change.mutate(
      { facilityId: facility.id, spaceIds, active },
      {
        onSuccess: (result) => {
          const verb = active ? 'back in service' : 'out of service';
          setDone(
            result.changed === 0
              ? `${what}: already ${verb}, nothing changed.`
              : `${what}: ${plural(result.changed, 'space')} ${verb}${result.unchanged ? ` (${result.unchanged} already were)` : ''}.`,
          );
          onSuccess?.();
        },
      },
    );
  }

  const active = groups.reduce((sum, group) => sum + group.active, 0);
  return (
    <section className="panel stack" aria-labelledby="facility-spaces">
      <h2 id="facility-spaces">Spaces</h2>
      {spaces.data && (
        <p data-testid="space-totals">
          {plural(all.length, 'space')}: {active} active, {all.length - active} inactive.
        </p>
      )}
      <div className="space-forms">
        <AddSpacesForm facility={facility} spaces={all} />
        {groups.length > 0 && <DeactivateCountForm groups={groups} busy={change.isPending} onRun={run} />}
      </div>
      <p role="status" className="space-done" data-testid="spaces-changed">
        {done}
      </p>
      {change.error && (
        <div className="notice" role="alert" data-testid="deactivate-refused">
          <p>{describeError(change.error)}</p>
          {blocking.length > 0 && <BlockingBookings bookings={blocking} timeZone={facility.timeZone} caption="Bookings that keep these spaces in use" />}
        </div>
      )}
      {spaces.isPending && <LoadingState label="Loading spaces…" />}
      {spaces.isError && <ErrorState message={describeError(spaces.error)} onRetry={() => void spaces.refetch()} />}
      {spaces.data && all.length === 0 && <EmptyState title="No spaces yet" />}
      {groups.map((group) => (
        <SpaceGroupPanel key={group.spaceType} group={group} timeZone={facility.timeZone} busy={change.isPending} onRun={run} />
      ))}
    </section>
  );
}

type RunChange = (spaceIds: string[], active: boolean, what: string, onSuccess?: () => void) => void;

/** One type: its counts in the summary, its spaces with a tick box each, and bulk actions for the ticked ones. */
function SpaceGroupPanel({ group, timeZone, busy, onRun }: { group: SpaceGroup; timeZone: string; busy: boolean; onRun: RunChange }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const picked = group.spaces.filter((space) => selected.has(space.id));
  const toDeactivate = picked.filter((space) => space.active);
  const toActivate = picked.filter((space) => !space.active);
  const allTicked = group.spaces.length > 0 && picked.length === group.spaces.length;
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const name = SPACE_TYPE_LABELS[group.spaceType];
  const columns: TableColumn<ManagedSpace>[] = [
    {
      key: 'select',
      header: 'Select',
      headerHidden: true,
      cell: (space) => <input type="checkbox" aria-label={`Select ${space.label}`} checked={selected.has(space.id)} onChange={() => toggle(space.id)} />,
    },
    { key: 'label', header: 'Space', primary: true, noWrap: true, cell: (space) => space.label },
    { key: 'status', header: 'Status', noWrap: true, cell: (space) => (space.active ? 'Active' : 'Inactive') },
    {
      key: 'next',
      header: 'Next booking',
      cell: (space) =>
        space.nextBooking ? `${space.nextBooking.code}, ${formatWindowCompact(space.nextBooking.start, space.nextBooking.end, timeZone)}` : '—',
    },
  ];
  return (
    <details className="space-group" data-space-type={group.spaceType} open={group.spaces.length <= OPEN_GROUP_MAX}>
      <summary>
        <strong>{name}</strong>{' '}
        <span data-testid={`space-counts-${group.spaceType}`}>
          {group.active} active · {group.inactive} inactive
        </span>
      </summary>
      <div className="toolbar space-group__actions">
        <label className="checkbox">
          <input type="checkbox" checked={allTicked} onChange={() => setSelected(allTicked ? new Set() : new Set(group.spaces.map((space) => space.id)))} />{' '}
          Select all {typeName(group.spaceType)}
        </label>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || toDeactivate.length === 0}
          onClick={() =>
            onRun(
              toDeactivate.map((s) => s.id),
              false,
              `${name}, ${plural(toDeactivate.length, 'selected space')}`,
              () => setSelected(new Set()),
            )
          }
        >
          Deactivate selected ({toDeactivate.length})
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy || toActivate.length === 0}
          onClick={() =>
            onRun(
              toActivate.map((s) => s.id),
              true,
              `${name}, ${plural(toActivate.length, 'selected space')}`,
              () => setSelected(new Set()),
            )
          }
        >
          Reactivate selected ({toActivate.length})
        </button>
      </div>
      <ResponsiveTable
        testId={`space-table-${group.spaceType}`}
        className="space-table"
        caption={`${name} spaces`}
        rows={group.spaces}
        columns={columns}
        rowKey={(space) => space.id}
        rowProps={(space) => ({ 'data-space-label': space.label, 'data-active': String(space.active) })}
      />
    </details>
  );
}

/** "Deactivate 5 of EV charging": the free spaces of the type, highest numbers first. */
function DeactivateCountForm({ groups, busy, onRun }: { groups: SpaceGroup[]; busy: boolean; onRun: RunChange }) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const count = Number(form.get('count'));
    const group = groups.find((each) => each.spaceType === form.get('spaceType'));
    setProblem(null);
    if (!group || !Number.isInteger(count) || count < 1) return setProblem('Enter how many spaces, 1 or more.');
    const chosen = spacesToDeactivate(group, count);
    if (chosen.length < count) {
      return setProblem(
        `Only ${chosen.length} of the ${group.active} active ${typeName(group.spaceType)} spaces have no booking ahead; ` +
          `deactivate ${chosen.length || 'none'} now, or tick spaces after their bookings end.`,
      );
    }
    onRun(
      chosen.map((space) => space.id),
      false,
      `${plural(count, `${typeName(group.spaceType)} space`)} (${chosen.map((space) => space.label).join(', ')})`,
    );
  }
  return (
    <form className="form form--inline space-form" onSubmit={submit} noValidate aria-label="Deactivate spaces of a type">
      <FormField
        label="Spaces to deactivate"
        name="count"
        type="number"
        min={1}
        inputMode="numeric"
        defaultValue="1"
        errors={problem ? [problem] : undefined}
      />
      <div className="field">
        <label htmlFor={`${id}-type`}>Of type</label>
        <select id={`${id}-type`} name="spaceType">
          {groups.map((group) => (
            <option key={group.spaceType} value={group.spaceType}>
              {SPACE_TYPE_LABELS[group.spaceType]} ({group.active} active)
            </option>
          ))}
        </select>
      </div>
      <div className="toolbar">
        <button type="submit" className="button button--secondary" disabled={busy}>
          Deactivate
        </button>
      </div>
      <p className="field__hint space-form__hint">Spaces without a booking ahead are taken, highest numbers first.</p>
    </form>
  );
}

/** "Add 10 EV spaces": labels continue the type's numbering, shown before adding. */
function AddSpacesForm({ facility, spaces }: { facility: ManagedFacility; spaces: ManagedSpace[] }) {
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const add = useFacilityChange(addSpaces);
  const rated = SPACE_TYPES.filter((type) => facility.rates.some((rate) => rate.spaceType === type));
  const [spaceType, setSpaceType] = useState<SpaceType>(rated[0] ?? 'standard');
  const [count, setCount] = useState('10');
  const [added, setAdded] = useState<string | null>(null);
  const { fieldMessages, formMessage, checkFields } = useFormErrors(add.error, formRef);
  const n = Number(count);
  const labels = Number.isInteger(n) && n > 0 ? nextLabels(spaceType, spaces, n) : [];
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!checkFields()) return;
    setAdded(null);
    add.mutate(
      { id: facility.id, spaces: { [spaceType]: n } },
      { onSuccess: () => setAdded(`Added ${plural(n, `${typeName(spaceType)} space`)}: ${labels[0]}${labels.length > 1 ? ` to ${labels.at(-1)}` : ''}.`) },
    );
  }
  const unrated = SPACE_TYPES.filter((type) => !rated.includes(type));
  return (
    <form ref={formRef} className="form form--inline space-form" onSubmit={submit} noValidate aria-label="Add spaces">
      <FormField
        label="Spaces to add"
        name="count"
        type="number"
        min={1}
        inputMode="numeric"
        value={count}
        onChange={(event) => setCount(event.target.value)}
        errors={fieldMessages[spaceType] ?? fieldMessages['spaces']}
      />
      <div className="field">
        <label htmlFor={`${id}-type`}>Of type</label>
        <select id={`${id}-type`} name="spaceType" value={spaceType} onChange={(event) => setSpaceType(event.target.value as SpaceType)}>
          {rated.map((type) => (
            <option key={type} value={type}>
              {SPACE_TYPE_LABELS[type]}
            </option>
          ))}
        </select>
      </div>
      <div className="toolbar">
        <button type="submit" className="button button--primary" disabled={add.isPending || labels.length === 0}>
          Add spaces
        </button>
      </div>
      <p className="field__hint space-form__hint" data-testid="new-space-labels">
        {labels.length > 0 ? `They will be ${labels[0]}${labels.length > 1 ? ` to ${labels.at(-1)}` : ''}.` : 'Enter how many, 1 or more.'}
        {unrated.length > 0 &&
          ` Types without a rate (${unrated.map((type) => SPACE_TYPE_LABELS[type]).join(', ')}) need one first, under Details, hours and rates.`}
      </p>
      <FormAlert message={formMessage} />
      <p role="status" className="space-form__hint">
        {added}
      </p>
    </form>
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
