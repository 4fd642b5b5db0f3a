import { createHash } from 'node:crypto';

/** Longest message kept per group (and sent in the `se` notice). */
export const MAX_ERROR_MESSAGE = 500;

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const ISO_TIME = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?/g;
const LONG_HEX = /\b(?=[0-9a-f]*\d)[0-9a-f]{16,}\b/gi;
const SQL_STRING = /'(?:[^']|'')*'/g;
const NUMBER = /(?<![\w$<])-?\d+(?:\.\d+)?(?![\w>])/g;
const PARAMETER = /\$\d+/g;
/** `IN ($1, $2, $3)` and `VALUES (…), (…)` of any length read as one statement. */
const PARAMETER_LIST = /\$\?(?:\s*,\s*\$\?)+/g;

/**
 * The text errors are grouped by: what varies between occurrences of one problem (ids, uuids,
 * numbers, times, SQL literals and parameter lists) replaced, whitespace collapsed. Two 500s of
 * `GET /api/bookings/:id` for different bookings, or one statement with other values, are one
 * group.
 */
export function normaliseErrorText(text: string): string {
  return text
    .replace(UUID, '<uuid>')
    .replace(ISO_TIME, '<time>')
    .replace(LONG_HEX, '<hex>')
    .replace(SQL_STRING, "'?'")
    .replace(PARAMETER, '$?')
    .replace(PARAMETER_LIST, '$?, …')
    .replace(NUMBER, '<n>')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Service + type + normalised message, hashed: the group's key in memory and in the table. */
export function errorFingerprint(service: string, type: string, normalisedMessage: string): string {
  return createHash('sha256').update(`${service}\u0000${type}\u0000${normalisedMessage}`).digest('hex').slice(0, 32);
}

/** Cut to MAX_ERROR_MESSAGE characters without splitting a surrogate pair. */
export function cutMessage(text: string): string {
  if (text.length <= MAX_ERROR_MESSAGE) return text;
  return (
    Array.from(text)
      .slice(0, MAX_ERROR_MESSAGE - 1)
      .join('') + '…'
  );
}
