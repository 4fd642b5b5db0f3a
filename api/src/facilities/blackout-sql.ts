/**
 * SQL for blackouts (`facility_blackouts`): periods when a facility, a space type or chosen
 * spaces take no new bookings. Availability counts a blacked-out space as taken.
 */

/** True when the space row `space` (an alias of `spaces`) is under a blackout overlapping `range`. */
export function spaceBlackedOut(space: string, range: string): string {
  return `EXISTS (SELECT 1 FROM facility_blackouts x
                   WHERE x.facility_id = ${space}.facility_id AND x.period && ${range}
                     AND (x.space_type IS NULL OR x.space_type = ${space}.space_type)
                     AND (x.space_ids IS NULL OR ${space}.id = ANY (x.space_ids)))`;
}

/**
 * Active spaces of the type that a blackout overlapping `range` takes away and no live booking
 * holds already (those are counted as busy by the booking count). Most facilities have no
 * blackout at a given time: the CASE asks the index once per facility before looking at spaces.
 */
export function idleBlackedOutSpaces(facility: string, type: string, range: string): string {
  return `(CASE WHEN EXISTS (SELECT 1 FROM facility_blackouts x WHERE x.facility_id = ${facility} AND x.period && ${range})
     THEN (SELECT count(*)::int FROM spaces bs
            WHERE bs.facility_id = ${facility} AND bs.space_type = ${type} AND bs.active AND ${spaceBlackedOut('bs', range)}
              AND NOT EXISTS (SELECT 1 FROM bookings bb WHERE bb.space_id = bs.id AND bb.status IN ('pending_payment', 'confirmed') AND bb.occupied_period && ${range}))
     ELSE 0 END)`;
}
