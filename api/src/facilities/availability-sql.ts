import { idleBlackedOutSpaces } from './blackout-sql.js';
import { LIVE_BOOKING } from './facility-rows.js';

/**
 * The SQL every reader of availability uses: the marketplace search, a car park's page and the
 * live availability events. Each function returns an int expression for one facility and space
 * type, given as SQL expressions (a column, a parameter), over a `tstzrange` expression `range`.
 */

/** Active spaces of the type: what a car park has to offer at all. */
export function capacitySql(facility: string, type: string): string {
  return `(SELECT count(*)::int FROM spaces s WHERE s.facility_id = ${facility} AND s.space_type = ${type} AND s.active)`;
}

/**
 * Active spaces of the type free for the whole of `range`: no live booking (hold or confirmed,
 * extension hold included) and no blackout overlaps it. This is the number of bookings for that
 * window the facility can still take.
 */
export function freeSpacesSql(facility: string, type: string, range: string): string {
  return `(${capacitySql(facility, type)} - ${busySpacesSql(facility, type, range)})`;
}

/** Active spaces of the type that a live booking holds, or a blackout takes, at some moment of `range`. */
export function busySpacesSql(facility: string, type: string, range: string): string {
  return `((SELECT count(DISTINCT b.space_id)::int FROM bookings b JOIN spaces s ON s.id = b.space_id
             WHERE b.facility_id = ${facility} AND ${LIVE_BOOKING} AND b.occupied_period && ${range}
               AND s.space_type = ${type} AND s.active)
          + ${idleBlackedOutSpaces(facility, type, range)})`;
}
