import { useId, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { BOOKING_STATUSES, OPERATOR_BOOKING_SORTS, type OperatorBookingRow, type OperatorBookingSort } from '@aiparksit/shared';
import { FormAlert } from '../../../components/form-alert';
import { LiveStateBadge } from '../../../components/live-state-badge';
import { PageHeader } from '../../../components/page-header';
import { ResponsiveTable, type TableColumn } from '../../../components/responsive-table';
import { EmptyState, ErrorState, LoadingState } from '../../../components/status';
import { usePageTitle } from '../../../components/use-page-title';
import { describeError } from '../../../lib/api-error';
import { formatMoney } from '../../../lib/money';
import { SPACE_TYPE_LABELS } from '../../../lib/parking-vocabulary';
import { useOperatorFeed } from '../../../lib/socket';
import { formatWindowCompact } from '../../../lib/time-window';
import { BOOKING_STATUS_LABELS, BookingStatusBadge } from '../../../shared/bookings';
import { useManagedFacilities } from '../../../shared/managed-facilities';
import { FILTER_NAMES, SORT_LABELS, filtersFromSearch, toBookingQuery, type BookingFilters } from '../api/booking-filters';
import { useExportOperatorBookings, useOperatorBookings } from '../api/operator-bookings';

const PAGE_SIZE = 25;

/** Every booking of the operator's car parks: filters, search by plate or code, pages, CSV export. */
export function OperatorBookingsPage() {
  usePageTitle('Bookings');
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const query = useMemo(() => toBookingQuery(filters), [filters]);
  // The cursors of the pages seen so far: "Previous" goes back one; new filters start again.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors.at(-1);
  const bookings = useOperatorBookings({ ...query, cursor, limit: PAGE_SIZE });
  const exportCsv = useExportOperatorBookings();
  // A new booking appears without a reload: the operator feed invalidates the list (see the router).
  const liveState = useOperatorFeed().state;

  function applyFilters(next: BookingFilters) {
    const params = new URLSearchParams();
    for (const name of FILTER_NAMES) if (next[name]) params.set(name, next[name]);
    setCursors([undefined]);
    setSearch(params);
  }

  const rows = bookings.data?.results ?? [];
  const filtered = FILTER_NAMES.some((name) => filters[name]);
  return (
    <>
      <PageHeader eyebrow="Operator" title="Bookings">
        <p>
          Every booking of your car parks; open one for its payments and refunds. New ones appear by themselves. <LiveStateBadge state={liveState} />
        </p>
      </PageHeader>
      <section className="panel stack">
        <BookingFilterForm key={search.toString()} filters={filters} onApply={applyFilters} />
        <div className="toolbar">
          <SortSelect value={filters.sort || 'created_desc'} onChange={(sort) => applyFilters({ ...filters, sort: sort === 'created_desc' ? '' : sort })} />
          <button type="button" className="button button--secondary" disabled={exportCsv.isPending} onClick={() => exportCsv.mutate(query)}>
            {exportCsv.isPending ? 'Preparing CSV…' : 'Export CSV'}
          </button>
          <span className="field__hint">The export holds every booking matching the filters, not only this page, in each car park’s local time.</span>
        </div>
        <FormAlert message={exportCsv.error ? `The export failed: ${describeError(exportCsv.error)}` : null} />
        {bookings.isPending && <LoadingState label="Loading bookings…" />}
        {bookings.isError && <ErrorState message={describeError(bookings.error)} onRetry={() => void bookings.refetch()} />}
        {bookings.data && rows.length === 0 && (
          <EmptyState title={filtered ? 'No bookings match' : 'No bookings yet'}>
            <p>{filtered ? 'Try other filters, or clear them.' : 'Bookings appear here as soon as drivers make them.'}</p>
          </EmptyState>
        )}
        {rows.length > 0 && <BookingTable rows={rows} />}
        {(cursors.length > 1 || bookings.data?.nextCursor) && (
          <nav className="pager" aria-label="Booking pages">
            <button
              type="button"
              className="button button--secondary"
              disabled={cursors.length <= 1 || bookings.isFetching}
              onClick={() => setCursors((seen) => seen.slice(0, -1))}
            >
              Previous
            </button>
            <span>Page {cursors.length}</span>
            <button
              type="button"
              className="button button--secondary"
              disabled={!bookings.data?.nextCursor || bookings.isFetching}
              onClick={() => bookings.data?.nextCursor && setCursors((seen) => [...seen, bookings.data.nextCursor!])}
            >
              Next
            </button>
          </nav>
        )}
      </section>
    </>
  );
}

function BookingFilterForm({ filters, onApply }: { filters: BookingFilters; onApply: (filters: BookingFilters) => void }) {
  const id = useId();
  const facilities = useManagedFacilities();
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    onApply({
      ...filtersFromSearch(
        new URLSearchParams({ facilityId: value('facilityId'), status: value('status'), from: value('from'), to: value('to'), q: value('q') }),
      ),
      sort: filters.sort,
    });
  }
  return (
    <form className="form form--inline" role="search" aria-label="Filter bookings" onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-q`}>Plate or booking code</label>
        <input id={`${id}-q`} name="q" type="search" defaultValue={filters.q} maxLength={40} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-facility`}>Car park</label>
        <select id={`${id}-facility`} name="facilityId" defaultValue={filters.facilityId}>
          <option value="">All car parks</option>
          {facilities.data?.results.map((facility) => (
            <option key={facility.id} value={facility.id}>
              {facility.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>Status</label>
        <select id={`${id}-status`} name="status" defaultValue={filters.status}>
          <option value="">Any status</option>
          {BOOKING_STATUSES.map((status) => (
            <option key={status} value={status}>
              {BOOKING_STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-from`}>From day</label>
        <input id={`${id}-from`} name="from" type="date" defaultValue={filters.from} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To day (included)</label>
        <input id={`${id}-to`} name="to" type="date" defaultValue={filters.to} />
      </div>
      <div className="toolbar">
        <button type="submit" className="button button--primary">
          Apply
        </button>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => onApply({ facilityId: '', status: '', from: '', to: '', q: '', sort: filters.sort })}
        >
          Clear
        </button>
      </div>
    </form>
  );
}

function SortSelect({ value, onChange }: { value: OperatorBookingSort; onChange: (sort: OperatorBookingSort) => void }) {
  const id = useId();
  return (
    <div className="field field--inline">
      <label htmlFor={`${id}-sort`}>Order</label>
      <select id={`${id}-sort`} value={value} onChange={(event) => onChange(event.target.value as OperatorBookingSort)} data-testid="booking-sort">
        {OPERATOR_BOOKING_SORTS.map((sort) => (
          <option key={sort} value={sort}>
            {SORT_LABELS[sort]}
          </option>
        ))}
      </select>
    </div>
  );
}

const COLUMNS: TableColumn<OperatorBookingRow>[] = [
  { key: 'code', header: 'Code', primary: true, noWrap: true, cell: (booking) => <Link to={`/operator/bookings/${booking.id}`}>{booking.code}</Link> },
  { key: 'facility', header: 'Car park', cell: (booking) => booking.facilityName },
  {
    key: 'space',
    header: 'Space',
    noWrap: true,
    cell: (booking) => (
      <>
        {booking.spaceLabel} <span className="field__hint">({SPACE_TYPE_LABELS[booking.spaceType]})</span>
      </>
    ),
  },
  { key: 'window', header: 'When (car park time)', noWrap: true, cell: (booking) => formatWindowCompact(booking.start, booking.end, booking.facilityTimeZone) },
  { key: 'plate', header: 'Plate', noWrap: true, cell: (booking) => booking.vehiclePlate },
  { key: 'amount', header: 'Amount', noWrap: true, numeric: true, cell: (booking) => formatMoney(booking.amountCents, booking.currency) },
  { key: 'status', header: 'Status', noWrap: true, cell: (booking) => <BookingStatusBadge status={booking.status} /> },
];

function BookingTable({ rows }: { rows: OperatorBookingRow[] }) {
  return (
    <ResponsiveTable
      testId="operator-bookings"
      className="rtable--linked"
      rows={rows}
      columns={COLUMNS}
      rowKey={(booking) => booking.id}
      rowProps={(booking) => ({ 'data-booking-code': booking.code })}
    />
  );
}
