/**
 * The booking lifecycle job's statements, each a batch of at most `$1` rows taken with SKIP
 * LOCKED, so that several instances share the work and none waits on a payment in progress.
 */

/** Unpaid holds whose time is up become `expired`, freeing their space; the longest-lapsed first. */
export const RELEASE_EXPIRED_HOLDS_SQL = `
  WITH due AS (
    SELECT id FROM bookings WHERE status = 'pending_payment' AND hold_expires_at <= now()
      ORDER BY hold_expires_at LIMIT $1 FOR UPDATE SKIP LOCKED
  ), expired AS (
    UPDATE bookings b SET status = 'expired', updated_at = now() FROM due WHERE b.id = due.id RETURNING 1
  ) SELECT count(*)::int AS n FROM expired`;

/** Unpaid extensions whose time is up lapse and give the extra time back. */
export const RELEASE_LAPSED_EXTENSION_HOLDS_SQL = `
  WITH due AS (
    SELECT e.id, e.booking_id, e.new_end FROM booking_extensions e JOIN bookings b ON b.id = e.booking_id
      WHERE e.status = 'pending_payment' AND e.hold_expires_at <= now()
      LIMIT $1 FOR UPDATE OF e, b SKIP LOCKED
  ), lapsed AS (
    UPDATE booking_extensions e SET status = 'expired' FROM due WHERE e.id = due.id RETURNING e.booking_id, e.new_end
  ), released AS (
    UPDATE bookings b SET extension_hold_end = NULL, updated_at = now() FROM lapsed
      WHERE b.id = lapsed.booking_id AND b.extension_hold_end = lapsed.new_end RETURNING 1
  ) SELECT (SELECT count(*) FROM lapsed)::int AS n, (SELECT count(*) FROM released)::int AS released`;

/**
 * Paid bookings whose time is over become `completed` (not while an extension is held), the
 * longest-ended first. The ORDER BY is what keeps this on `bookings_confirmed_end_idx`: with a
 * bare LIMIT, statistics from before the last batches (many confirmed bookings in the past) made
 * a sequential scan look cheap, and it read all five million bookings of the large data set every
 * 30 s (~0.9 s of PostgreSQL CPU, a stall that every search of that moment waited out).
 */
export const COMPLETE_FINISHED_SQL = `
  WITH due AS (
    SELECT id FROM bookings WHERE status = 'confirmed' AND upper(period) <= now() AND extension_hold_end IS NULL
      ORDER BY upper(period) LIMIT $1 FOR UPDATE SKIP LOCKED
  ), done AS (
    UPDATE bookings b SET status = 'completed', updated_at = now() FROM due WHERE b.id = due.id RETURNING 1
  ) SELECT count(*)::int AS n FROM done`;
