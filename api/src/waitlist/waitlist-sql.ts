/** The waitlist's statements that the job runs; the rules of the line live in the SQL functions of migration Waitlist1795504100000. */

/** Offers whose hold was paid become `booked`, unpaid ones `lapsed`; waiting entries whose window started become `expired`. */
export const SETTLE_SQL = `SELECT waitlist_settle()`;

/**
 * The lines (car park and space type) where some waiting entry's window has a space free now:
 * the only ones worth an offering round. Bounded per round; the next round takes the rest.
 */
export const LINES_WITH_FREE_SPACE_SQL = `
  SELECT DISTINCT w.facility_id AS "facilityId", w.space_type AS "spaceType"
    FROM waitlist_entries w
   WHERE w.status = 'waiting' AND lower(w.period) > now()
     AND EXISTS (SELECT 1 FROM space_availability sa
                  WHERE sa.facility_id = w.facility_id AND sa.space_type = w.space_type AND sa.active AND NOT (sa.busy && w.period))
   LIMIT $1`;

/** One line's offering round (see `waitlist_offer`): the entries that got a hold, with it. */
export const OFFER_SQL = `SELECT entry_id AS "entryId", booking_id AS "bookingId" FROM waitlist_offer($1, $2::space_type, $3)`;
