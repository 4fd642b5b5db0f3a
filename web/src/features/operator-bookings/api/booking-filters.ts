import { BOOKING_STATUSES, OPERATOR_BOOKING_SORTS, type BookingStatus, type OperatorBookingQuery, type OperatorBookingSort } from '@aiparksit/shared';
import { wallClockToIso } from '../../../lib/time-window';

/** The list's filters as the address bar keeps them, so a filtered list can be bookmarked and shared. */
export interface BookingFilters {
  facilityId: string;
  status: BookingStatus | '';
  /** First and last day, `YYYY-MM-DD`, both included, in the browser's calendar. */
  from: string;
  to: string;
  /** A booking code or a plate (or its beginning). */
  q: string;
  /** The list's order; '' is the API's default (newest booking first). */
  sort: OperatorBookingSort | '';
}

export const FILTER_NAMES = ['facilityId', 'status', 'from', 'to', 'q', 'sort'] as const;

/** The orders the list offers, in words. */
export const SORT_LABELS: Record<OperatorBookingSort, string> = {
  created_desc: 'Newest booking first',
  created_asc: 'Oldest booking first',
  start_desc: 'Latest start first',
  start_asc: 'Earliest start first',
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromSearch(search: URLSearchParams): BookingFilters {
  const status = search.get('status') ?? '';
  const sort = search.get('sort') ?? '';
  const date = (name: string) => (DATE.test(search.get(name) ?? '') ? search.get(name)! : '');
  return {
    facilityId: search.get('facilityId') ?? '',
    status: (BOOKING_STATUSES as readonly string[]).includes(status) ? (status as BookingStatus) : '',
    from: date('from'),
    to: date('to'),
    q: (search.get('q') ?? '').trim(),
    sort: (OPERATOR_BOOKING_SORTS as readonly string[]).includes(sort) ? (sort as OperatorBookingSort) : '',
  };
}

function nextDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/**
 * The API's query: days become instants (the first day's midnight to the midnight after the
 * last day, in `timeZone`), so "to 30 November" includes bookings on the 30th.
 */
export function toBookingQuery(filters: BookingFilters, timeZone?: string): OperatorBookingQuery {
  return {
    facilityId: filters.facilityId || undefined,
    status: filters.status || undefined,
    from: filters.from ? (wallClockToIso(`${filters.from}T00:00`, timeZone) ?? undefined) : undefined,
    to: filters.to ? (wallClockToIso(`${nextDay(filters.to)}T00:00`, timeZone) ?? undefined) : undefined,
    q: filters.q || undefined,
    sort: filters.sort || undefined,
  };
}
