/**
 * The SQL every reader of availability uses: the marketplace search, a car park's page and the
 * live availability events. Each function returns an int expression for one facility and space
 * type, given as SQL expressions (a column, a parameter), over a `tstzrange` expression `range`.
 *
 * They read the read model `space_availability` (one row per space, its busy periods: live
 * bookings' occupied periods ∪ the blackouts that take it), kept exact by triggers in every
 * writing transaction: a few rows of one index per facility and type, whatever the bookings table
 * holds. A space is free for a window when its busy periods do not overlap it at all, so the free
 * count is the number of bookings for that window the facility can still take.
 */

/** Active spaces of the type: what a car park has to offer at all. */
export function capacitySql(facility: string, type: string): string {
  return `(SELECT count(*)::int FROM space_availability sa WHERE sa.facility_id = ${facility} AND sa.space_type = ${type} AND sa.active)`;
}

/**
 * Active spaces of the type free for the whole of `range`: no live booking (hold or confirmed,
 * extension hold included) and no blackout overlaps it. This is the number of bookings for that
 * window the facility can still take.
 */
export function freeSpacesSql(facility: string, type: string, range: string): string {
  return `(SELECT count(*)::int FROM space_availability sa
            WHERE sa.facility_id = ${facility} AND sa.space_type = ${type} AND sa.active AND NOT (sa.busy && ${range}))`;
}

/** Active spaces of the type that a live booking holds, or a blackout takes, at some moment of `range`. */
export function busySpacesSql(facility: string, type: string, range: string): string {
  return `(SELECT count(*)::int FROM space_availability sa
            WHERE sa.facility_id = ${facility} AND sa.space_type = ${type} AND sa.active AND sa.busy && ${range})`;
}

/**
 * Capacity and free spaces of the type in one pass over the facility's rows: a one-row subquery
 * with columns `capacity` and `free`, to join LATERAL (`CROSS JOIN LATERAL ${'${capacityAndFreeSql(…)}'} AS av`).
 */
export function capacityAndFreeSql(facility: string, type: string, range: string): string {
  return `(SELECT count(*)::int AS capacity, (count(*) FILTER (WHERE NOT (sa.busy && ${range})))::int AS free
             FROM space_availability sa WHERE sa.facility_id = ${facility} AND sa.space_type = ${type} AND sa.active)`;
}
