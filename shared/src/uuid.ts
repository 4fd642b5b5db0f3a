/** A UUID in its canonical text form (RFC 9562, section 4): 8-4-4-4-12 hex digits, either case. */
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether `value` is a UUID. Every id the API hands out is one; checking first keeps a malformed
 * id from reaching a `uuid` column, where PostgreSQL would refuse it with an error (22P02) rather
 * than find nothing.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}
