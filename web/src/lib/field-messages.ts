import type { FieldError, FieldErrorCode, FieldErrorFormat } from '@aiparksit/shared';
import { SPACE_TYPE_LABELS } from './parking-vocabulary';

/**
 * The sentences a person reads under a field, made from the API's field codes (and from the same
 * codes when the browser finds the problem before the request). The API's `message` is English for
 * integrators and names fields as the API does ("addressLine must be …"); it is shown only for
 * `invalid`, the code whose message is already written for people.
 */

type Params = NonNullable<FieldError['params']>;

/** A sentence, or how to make one from the error's params. */
export type Sentence = string | ((params: Params, error: FieldError) => string);

/** Wording for one field, code by code. */
export type FieldWording = Partial<Record<FieldErrorCode, Sentence>>;

/**
 * A form's own wording, keyed by the field's path (`location.lat`) or its last name (`name`):
 * where the same API field means something different per form ("your name", "the car park's name").
 */
export type FormWording = Record<string, FieldWording>;

const count = (value: unknown, one: string, many: string) => (Number(value) === 1 ? `1 ${one}` : `${String(value)} ${many}`);

const list = (values: unknown) => (Array.isArray(values) ? values.map((value) => humanise(String(value))) : [humanise(String(values))]);

/** "Standard, EV charging or Accessible". */
function orList(values: string[]): string {
  return values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} or ${values.at(-1)!}`;
}

function humanise(value: string): string {
  return SPACE_TYPE_LABELS[value as keyof typeof SPACE_TYPE_LABELS] ?? value.replace(/_/g, ' ');
}

/** The fields `not_after` compares with, named as the forms name them. */
const OTHER_FIELD: Record<string, string> = {
  start: 'the start',
  startsAt: 'the start',
  from: 'the first day',
  minDurationMinutes: 'the shortest stay',
};

/** What an `invalid_format` asks for, by the format the API names (every one of the shared list). */
export const FORMAT_SENTENCES: Record<FieldErrorFormat, string> = {
  uuid: 'Choose one from the list.',
  date_time: 'Enter a date and time.',
  date: 'Enter a date such as 2026-03-31.',
  time_zone: 'Enter a time zone such as Europe/Berlin.',
  currency: 'Enter a three-letter currency code such as EUR.',
  country: 'Enter a two-letter country code such as DE.',
  url: 'Enter a web address starting with https://.',
  latitude: 'Enter a latitude between -90 and 90, such as 53.5503.',
  longitude: 'Enter a longitude between -180 and 180, such as 9.9937.',
  bank_account: 'Check the account number for a typo.',
  opening_hours: 'Write each day’s hours as ranges such as 07:00-12:00, 13:00-22:00.',
  multipliers: 'Check the times and multipliers of this rate.',
  unique_items: 'Choose each one only once.',
  phone: 'Enter the phone number in international format, such as +49 30 1234567.',
  tax_id: 'Enter the tax ID as on your documents: 3 to 30 letters, digits, spaces, dots, slashes or dashes.',
  bbox: 'Move the map to search this area again.',
  pattern: 'Check the format of this entry.',
};

const FORMATS: Record<string, string> = FORMAT_SENTENCES;

/** What an `invalid` whose `params.reason` the API names asks the person to do. */
const REASONS: Record<string, Sentence> = {
  no_rate: 'Set a price per hour for this type of space first, under Rates.',
  duplicate: 'This type of space has two rates; keep one.',
  exclusive: 'Choose a type of space or particular spaces, not both.',
  stay_overflow: ({ days }) => `A stay can last at most ${String(days)} days; shorten it.`,
};

/** One sentence for every code: the words a field gets when nothing more specific is written for it. */
export const GENERIC_SENTENCES: Record<FieldErrorCode, Sentence> = {
  required: 'Fill this in.',
  not_allowed: 'This cannot be changed here.',
  invalid_type: ({ expected }) =>
    expected === 'number'
      ? 'Enter a number.'
      : expected === 'boolean'
        ? 'Choose yes or no.'
        : expected === 'list'
          ? 'Choose from the list.'
          : 'Check this entry.',
  not_integer: 'Enter a whole number.',
  too_short: ({ min }) => `Use at least ${count(min, 'character', 'characters')}.`,
  too_long: ({ max }) => `Use at most ${count(max, 'character', 'characters')}.`,
  too_small: ({ min, other }) => (other !== undefined ? `Enter at least ${OTHER_FIELD[String(other)] ?? 'the lower value'}.` : `Enter ${String(min)} or more.`),
  too_large: ({ max }) => `Enter ${String(max)} or less.`,
  too_few: ({ min, missing }) =>
    missing !== undefined ? `Add what is missing: ${orList(list(missing)).replace(/ or ([^,]*)$/, ' and $1')}.` : `Choose at least ${String(min ?? 1)}.`,
  too_many: ({ max }) => `Choose at most ${String(max)}.`,
  invalid_email: 'Enter an email address like name@example.com.',
  not_one_of: ({ allowed }) => (allowed === undefined ? 'Choose one from the list.' : `Choose ${orList(list(allowed))}.`),
  invalid_format: ({ format }) => FORMATS[String(format)] ?? FORMATS['pattern']!,
  in_the_past: 'Choose a time that has not passed yet.',
  not_after: ({ other }) => `Choose a time after ${OTHER_FIELD[String(other)] ?? 'the start'}.`,
  taken: 'This is already in use; choose another.',
  unsafe_text: 'Remove the invisible control characters from this text.',
  weak_password: ({ reason }) =>
    reason ? `Choose a password that is harder to guess: this one ${String(reason)}.` : 'Choose a password that is harder to guess: add a few uncommon words.',
  wrong_password: 'This is not your current password.',
  unknown_reference: 'This no longer exists or is not yours; choose another.',
  invalid: (params, error) => {
    const byReason = params['reason'] !== undefined ? REASONS[String(params['reason'])] : undefined;
    if (byReason) return say(byReason, error);
    if (params['format'] !== undefined && FORMATS[String(params['format'])]) return FORMATS[String(params['format'])]!;
    return asSentence(error.message);
  },
};

const EXPIRY = 'Enter the expiry date as on the card, such as 08/29.';
const CVC = 'Enter the 3 or 4 digits on the back of the card.';

/**
 * Wording for fields that mean the same in every form they appear in. Keys are the field's path
 * (`card.cvc`) or its last name (`rates.0.hourlyCents` → `hourlyCents`).
 */
export const FIELD_WORDING: FormWording = {
  email: {
    required: 'Enter your email address.',
    too_long: ({ max }) => `Use an email address of at most ${String(max)} characters.`,
    taken: 'An account with this email address already exists. Sign in instead, or use another address.',
  },
  password: { required: 'Enter your password.' },
  newPassword: { required: 'Choose a new password.' },
  currentPassword: { required: 'Enter your current password.', wrong_password: 'This is not your current password; check it and try again.' },
  addressLine: { required: 'Enter the street and number.', too_long: ({ max }) => `Shorten the street and number to ${String(max)} characters.` },
  city: { required: 'Enter the city.' },
  postalCode: { too_long: ({ max }) => `Enter a postal code of at most ${String(max)} characters.` },
  countryCode: {
    required: 'Enter the two-letter country code, such as DE.',
    invalid_format: 'Enter the two-letter country code, such as DE for Germany or CH for Switzerland.',
  },
  currency: { required: 'Enter the currency, such as EUR.', invalid_format: FORMAT_SENTENCES.currency },
  timeZone: { required: 'Enter the time zone, such as Europe/Berlin.', invalid_format: FORMAT_SENTENCES.time_zone, too_long: FORMAT_SENTENCES.time_zone },
  lat: {
    required: 'Enter the latitude, or click the map.',
    invalid_format: FORMAT_SENTENCES.latitude,
    invalid_type: FORMAT_SENTENCES.latitude,
    too_small: FORMAT_SENTENCES.latitude,
    too_large: FORMAT_SENTENCES.latitude,
  },
  lng: {
    required: 'Enter the longitude, or click the map.',
    invalid_format: FORMAT_SENTENCES.longitude,
    invalid_type: FORMAT_SENTENCES.longitude,
    too_small: FORMAT_SENTENCES.longitude,
    too_large: FORMAT_SENTENCES.longitude,
  },
  hourlyCents: {
    required: 'Enter a price per hour, such as 2.50.',
    invalid_type: 'Enter a price such as 2.50.',
    not_integer: 'Enter a price such as 2.50.',
    too_small: 'Enter a price such as 2.50; 0 makes it free.',
    too_large: 'This price per hour is higher than we accept; check it.',
  },
  dailyMaxCents: {
    invalid_type: 'Enter a price such as 20.00, or leave it empty.',
    not_integer: 'Enter a price such as 20.00, or leave it empty.',
    too_small: 'Enter a price such as 20.00, or leave it empty for no daily maximum.',
    too_large: 'This daily maximum is higher than we accept; check it.',
  },
  heightLimitCm: {
    not_integer: 'Enter the height in whole centimetres, or leave it empty.',
    invalid_type: 'Enter the height in whole centimetres, or leave it empty.',
    too_small: ({ min }) => `Enter a height of at least ${String(min)} cm, or leave it empty for no limit.`,
    too_large: ({ max }) => `Enter a height of at most ${String(max)} cm, or leave it empty for no limit.`,
  },
  spaces: { too_few: 'Add at least one space, such as 40 standard spaces.' },
  rates: {
    too_few: ({ missing }) => `Set a price per hour for ${orList(list(missing ?? [])).replace(/ or ([^,]*)$/, ' and $1')} spaces.`,
  },
  vehiclePlate: {
    required: 'Enter the licence plate.',
    too_short: 'Enter the licence plate as it is on the car, such as B-AB 1234.',
    too_long: 'Enter the licence plate as it is on the car, such as B-AB 1234.',
    invalid_format: 'Enter the licence plate as it is on the car, such as B-AB 1234.',
  },
  phone: { required: 'Enter a phone number.', invalid_format: FORMAT_SENTENCES.phone },
  taxId: { required: 'Enter the tax ID.' },
  legalName: { required: 'Enter the company’s legal name.' },
  holderName: { required: 'Enter the account holder’s name.' },
  iban: {
    required: 'Enter the IBAN.',
    invalid_format: 'Check the IBAN for a typo: two letters, two check digits, then the account, such as DE89 3704 0044 0532 0130 00.',
  },
  routingNumber: { required: 'Enter the routing number.', invalid_format: 'Check the routing number for a typo: 9 digits.' },
  accountNumber: { required: 'Enter the account number.', invalid_format: 'Check the account number for a typo: digits only.' },
  start: { required: 'Choose when it starts.', in_the_past: 'Choose a start that has not passed yet.' },
  end: { required: 'Choose when it ends.', not_after: 'Choose an end after the start.' },
  from: { required: 'Choose the first day.', invalid_format: FORMAT_SENTENCES.date },
  to: { required: 'Choose the last day.', invalid_format: FORMAT_SENTENCES.date, not_after: 'Choose a last day after the first.' },
  reason: { required: 'Say why, in a few words; the applicant reads it.' },
  displayName: { required: 'Enter the name drivers will see.' },
  accepted: { required: 'Tick the box to accept the terms.', not_one_of: 'Tick the box to accept the terms.' },
  q: { required: 'Type a city, a car park or an address.', too_short: ({ min }) => `Type at least ${String(min)} letters or digits.` },
  'card.number': { required: 'Enter the card number.', too_long: 'Check the card number: it has at most 19 digits.' },
  'card.expMonth': { required: EXPIRY, invalid_type: EXPIRY, not_integer: EXPIRY, too_small: EXPIRY, too_large: EXPIRY },
  'card.expYear': { required: EXPIRY, invalid_type: EXPIRY, not_integer: EXPIRY, too_small: EXPIRY, too_large: EXPIRY },
  'card.cvc': { required: CVC, too_short: CVC, too_long: CVC },
};

/** "set a rate first (PUT …)" → "Set a rate first (PUT …)." */
function asSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return 'Check this entry.';
  const capitalised = trimmed[0]!.toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/** `rates.0.hourlyCents` → `hourlyCents`; `spaces.ev` → `spaces`, the name a wording table uses. */
function leafName(field: string): string {
  const parts = field.split('.').filter((part) => !/^\d+$/.test(part));
  const last = parts.at(-1) ?? field;
  return parts.length > 1 && (parts[0] === 'spaces' || parts[0] === 'hours') ? parts[0] : last;
}

function say(sentence: Sentence, error: FieldError): string {
  return typeof sentence === 'function' ? sentence(error.params ?? {}, error) : sentence;
}

/** The sentence for one field error: the form's wording, then the field's, then the code's. */
export function fieldSentence(error: FieldError, form: FormWording = {}): string {
  return say(specificWording(error, form) ?? GENERIC_SENTENCES[error.code] ?? GENERIC_SENTENCES.invalid, error);
}

function specificWording(error: FieldError, form: FormWording): Sentence | undefined {
  const leaf = leafName(error.field);
  return form[error.field]?.[error.code] ?? form[leaf]?.[error.code] ?? FIELD_WORDING[error.field]?.[error.code] ?? FIELD_WORDING[leaf]?.[error.code];
}

/**
 * The sentence when it makes sense away from its field (in a banner rather than under the input):
 * worded for the field, or an `invalid` whose message was written for people; null for the
 * generic "Fill this in." that needs its input beside it.
 */
export function standaloneSentence(error: FieldError): string | null {
  const specific = specificWording(error, {});
  if (specific) return say(specific, error);
  return error.code === 'invalid' ? say(GENERIC_SENTENCES.invalid, error) : null;
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

function isControl(element: Element): element is Control {
  return element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement;
}

/**
 * What the browser's own constraint checks (required, type="email", minlength, min/max, step,
 * pattern) find wrong in a form, as the same codes the API returns, so the person reads the same
 * sentence before the request as after it. Forms are `noValidate`: the browser's bubbles, in its
 * own words, never show. A required field holding only spaces counts as empty, as the API trims.
 */
export function formFieldErrors(form: HTMLFormElement): FieldError[] {
  const errors: FieldError[] = [];
  for (const element of Array.from(form.elements)) {
    if (!isControl(element) || !element.name || !element.willValidate) continue;
    const code = controlProblem(element);
    if (code) errors.push({ field: element.name, message: '', ...code });
  }
  return errors;
}

function controlProblem(control: Control): Pick<FieldError, 'code' | 'params'> | null {
  const { validity } = control;
  const blank = control.required && control.value.trim() === '';
  if (validity.valueMissing || blank) return { code: 'required' };
  if (validity.badInput) return { code: 'invalid_type', params: { expected: 'number' } };
  if (validity.typeMismatch) return control.type === 'email' ? { code: 'invalid_email' } : { code: 'invalid_format', params: { format: control.type } };
  if (control instanceof HTMLSelectElement) return null;
  if (validity.tooShort) return { code: 'too_short', params: { min: control.minLength } };
  if (validity.tooLong) return { code: 'too_long', params: { max: control.maxLength } };
  if (control instanceof HTMLTextAreaElement) return null;
  if (validity.rangeUnderflow) return { code: 'too_small', params: { min: Number(control.min) } };
  if (validity.rangeOverflow) return { code: 'too_large', params: { max: Number(control.max) } };
  if (validity.stepMismatch) return { code: 'not_integer' };
  if (validity.patternMismatch) return { code: 'invalid_format', params: { format: control.dataset['format'] ?? 'pattern' } };
  return null;
}
