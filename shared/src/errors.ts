/**
 * What is wrong with one field, as a machine code the SPA turns into a sentence in the person's
 * words (`params` fill the sentence in). The list is closed: a new kind of problem gets a new code.
 */
export const FIELD_ERROR_CODES = [
  /** Missing, null or blank. */
  'required',
  /** A field this route does not take. */
  'not_allowed',
  /** Not a string / number / boolean / list / object where one is expected; `params.expected`. */
  'invalid_type',
  /** A number that must be whole. */
  'not_integer',
  /** Text shorter than `params.min` characters. */
  'too_short',
  /** Text longer than `params.max` characters. */
  'too_long',
  /** A number below `params.min`. */
  'too_small',
  /** A number above `params.max`. */
  'too_large',
  /** A list with fewer than `params.min` items. */
  'too_few',
  /** A list with more than `params.max` items. */
  'too_many',
  /** Not an email address. */
  'invalid_email',
  /** Not one of `params.allowed`. */
  'not_one_of',
  /** Not in the expected shape; `params.format` names it (uuid, date_time, time_zone, currency, country, pattern, ...). */
  'invalid_format',
  /** A time that has already passed. */
  'in_the_past',
  /** Must be later than the field `params.other`. */
  'not_after',
  /** Already used by another record (an email, a label). */
  'taken',
  /** Contains characters text may not hold (NUL, unpaired surrogates). */
  'unsafe_text',
  /** A password that is too easy to guess; `params.reason` says why. */
  'weak_password',
  /** Not the account's current password. */
  'wrong_password',
  /** Refers to something that does not exist or is not the caller's. */
  'unknown_reference',
  /** Anything else; `message` says what. */
  'invalid',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/**
 * The shapes `params.format` names (on `invalid_format`, and on `invalid` for a list that
 * repeats an item), so a client can ask for the right one ("Enter a date such as 2026-03-31").
 * Closed like the codes: `pattern` is the fallback for a shape with no name of its own.
 */
export const FIELD_ERROR_FORMATS = [
  'uuid',
  'date',
  'date_time',
  'time_zone',
  'currency',
  'country',
  'url',
  'latitude',
  'longitude',
  'phone',
  'tax_id',
  'bbox',
  'bank_account',
  'opening_hours',
  'multipliers',
  'unique_items',
  'pattern',
] as const;
export type FieldErrorFormat = (typeof FIELD_ERROR_FORMATS)[number];

/** One field that failed validation, named by its path in the request body or query (`address.city`, `rates.0.hourlyCents`). */
export interface FieldError {
  field: string;
  code: FieldErrorCode;
  /** The same in plain English, for API clients that show text as it comes. */
  message: string;
  params?: Record<string, string | number | string[]>;
}

/**
 * `details` of a 400 whose request had field problems, from request validation or a service's
 * own checks alike: `code` names the error as a whole, `fields` each field's problem.
 */
export interface FieldErrorDetails {
  code: string;
  fields: FieldError[];
  [key: string]: unknown;
}

/**
 * The body of every error the API answers with, whatever its status.
 * `requestId` matches the `x-request-id` response header and the server's log lines.
 */
export interface ErrorEnvelope {
  statusCode: number;
  error: string;
  message: string;
  /** Machine-readable facts: `code` always for a 4xx; `fields` (see FieldErrorDetails) when fields were at fault. */
  details?: Record<string, unknown>;
  requestId: string;
}

export const REQUEST_ID_HEADER = 'x-request-id';
