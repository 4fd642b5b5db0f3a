import { describe, expect, it } from '@jest/globals';
import { FIELD_ERROR_CODES, FIELD_ERROR_FORMATS, type FieldError, type FieldErrorCode } from '@aiparksit/shared';
import { FIELD_WORDING, FORMAT_SENTENCES, fieldSentence, standaloneSentence } from './field-messages';

/** The params the API sends with each code (see api/src/common/errors), in each variety it sends them. */
const PARAMS_BY_CODE: Record<FieldErrorCode, FieldError['params'][]> = {
  required: [undefined],
  not_allowed: [undefined],
  invalid_type: [{ expected: 'string' }, { expected: 'number' }, { expected: 'boolean' }, { expected: 'list' }, { expected: 'object' }],
  not_integer: [undefined],
  too_short: [{ min: 10, max: 128 }, { min: 1 }],
  too_long: [{ max: 200 }, { min: 1, max: 120 }],
  too_small: [{ min: 0 }, { min: 1 }, { other: 'minDurationMinutes' }],
  too_large: [{ max: 1000 }],
  too_few: [{ min: 1 }, { missing: ['ev', 'accessible'] }],
  too_many: [{ max: 13 }],
  invalid_email: [undefined],
  not_one_of: [{ allowed: ['standard', 'ev', 'accessible'] }, { allowed: ['driver'] }],
  invalid_format: FIELD_ERROR_FORMATS.map((format) => ({ format })),
  in_the_past: [undefined],
  not_after: [{ other: 'start' }, { other: 'from' }],
  taken: [undefined],
  unsafe_text: [undefined],
  weak_password: [{ reason: 'is a commonly used password; add a few uncommon words' }, undefined],
  wrong_password: [undefined],
  unknown_reference: [undefined],
  invalid: [
    { reason: 'no_rate' },
    { reason: 'duplicate' },
    { reason: 'exclusive' },
    { reason: 'stay_overflow', days: 30 },
    { format: 'unique_items' },
    undefined,
  ],
};

/** Fields the forms send, to try every code's wording both generic and field-specific. */
const FIELDS = [
  'email',
  'password',
  'name',
  'addressLine',
  'location.lat',
  'rates.0.hourlyCents',
  'spaces.ev',
  'start',
  'end',
  'vehiclePlate',
  'iban',
  'somethingNew',
];

/** What class-validator and the API's English fallback sound like, which a person must never read. */
const MACHINE_TEXT = /must be|must not|should not|is required|longer than|shorter than|undefined|null|NaN|\[object|[a-z][A-Z]|\b[a-z]+_[a-z]+\b/;

function errorOf(field: string, code: FieldErrorCode, params: FieldError['params']): FieldError {
  return { field, code, message: `${field} must be fixed`, ...(params ? { params } : {}) };
}

describe('fieldSentence', () => {
  it('words every code the API can return, with every kind of params, as a sentence in a person’s words', () => {
    expect(Object.keys(PARAMS_BY_CODE).sort()).toEqual([...FIELD_ERROR_CODES].sort());
    for (const code of FIELD_ERROR_CODES) {
      for (const params of PARAMS_BY_CODE[code]) {
        for (const field of FIELDS) {
          const error = errorOf(field, code, params);
          // `invalid` without a reason or format shows the API's message, which the API writes for people.
          if (code === 'invalid' && !params) error.message = 'the window must end after it starts';
          const sentence = fieldSentence(error);
          expect({ field, code, params, sentence }).toEqual({ field, code, params, sentence: expect.stringMatching(/^[A-Z0-9].*[.?]$/) });
          expect({ field, code, params, sentence }).not.toEqual({ field, code, params, sentence: expect.stringMatching(MACHINE_TEXT) });
        }
      }
    }
  });

  it('has a sentence for every format the API names', () => {
    for (const format of FIELD_ERROR_FORMATS) expect(FORMAT_SENTENCES[format]).toMatch(/^[A-Z].*\.$/);
  });

  it('fills the sentence in from the params', () => {
    expect(fieldSentence(errorOf('password', 'too_short', { min: 10, max: 128 }))).toBe('Use at least 10 characters.');
    expect(fieldSentence(errorOf('note', 'too_long', { max: 1 }))).toBe('Use at most 1 character.');
    expect(fieldSentence(errorOf('spaceType', 'not_one_of', { allowed: ['standard', 'ev', 'accessible'] }))).toBe(
      'Choose Standard, EV charging or Accessible.',
    );
    expect(fieldSentence(errorOf('rates', 'too_few', { missing: ['ev', 'accessible'] }))).toBe('Set a price per hour for EV charging and Accessible spaces.');
    expect(fieldSentence(errorOf('heightLimitCm', 'too_small', { min: 100 }))).toBe('Enter a height of at least 100 cm, or leave it empty for no limit.');
  });

  it('uses the field’s own words where the generic ones read badly, by its last name in the path', () => {
    expect(fieldSentence(errorOf('email', 'invalid_email', undefined))).toBe('Enter an email address like name@example.com.');
    expect(fieldSentence(errorOf('addressLine', 'required', undefined))).toBe('Enter the street and number.');
    expect(fieldSentence(errorOf('rates.2.hourlyCents', 'too_small', { min: 0 }))).toBe('Enter a price such as 2.50; 0 makes it free.');
    expect(fieldSentence(errorOf('location.lat', 'invalid_format', { format: 'latitude' }))).toBe('Enter a latitude between -90 and 90, such as 53.5503.');
    expect(fieldSentence(errorOf('somethingNew', 'required', undefined))).toBe('Fill this in.');
  });

  it('lets a form word its own fields first', () => {
    const wording = { name: { required: 'Enter the car park’s name.' } };
    expect(fieldSentence(errorOf('name', 'required', undefined), wording)).toBe('Enter the car park’s name.');
    expect(fieldSentence(errorOf('name', 'too_long', { max: 160 }), wording)).toBe('Use at most 160 characters.');
  });

  it('keeps the reason a password is weak, which the API words for people', () => {
    expect(fieldSentence(errorOf('password', 'weak_password', { reason: 'is a commonly used password; add a few uncommon words' }))).toBe(
      'Choose a password that is harder to guess: this one is a commonly used password; add a few uncommon words.',
    );
  });

  it('every field-specific wording is a sentence too', () => {
    for (const [field, wording] of Object.entries(FIELD_WORDING)) {
      for (const [code, sentence] of Object.entries(wording)) {
        const text = typeof sentence === 'string' ? sentence : sentence({ min: 1, max: 2, missing: ['ev'] }, errorOf(field, code as FieldErrorCode, undefined));
        expect({ field, code, text }).toEqual({ field, code, text: expect.stringMatching(/^[A-Z].*\.$/) });
      }
    }
  });
});

describe('standaloneSentence', () => {
  it('gives a sentence that reads without its input beside it, or null for the generic ones', () => {
    expect(standaloneSentence(errorOf('start', 'in_the_past', undefined))).toBe('Choose a start that has not passed yet.');
    expect(standaloneSentence({ field: 'end', code: 'invalid', message: 'The window must end after it starts.' })).toBe('The window must end after it starts.');
    expect(standaloneSentence(errorOf('somethingNew', 'required', undefined))).toBeNull();
  });
});
