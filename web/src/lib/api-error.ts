import type { ErrorEnvelope, FieldError } from '@aiparksit/shared';
import { fieldSentence, standaloneSentence, type FormWording } from './field-messages';

/** Sentences per request field, as a form shows them next to each input. */
export type FieldMessages = Partial<Record<string, string[]>>;

/** An answer from the API that was not a success, carrying the server's error envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly envelope: ErrorEnvelope | null,
    /** Seconds the server asked to wait before trying again (a 503's or 429's Retry-After), when it said. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(envelope?.message ?? `The server answered ${status}.`);
    this.name = 'ApiError';
  }

  /** The failing fields from the envelope's `details` as sentences, keyed by field path. */
  get fieldMessages(): FieldMessages {
    return fieldMessagesOf(this.envelope);
  }

  /** The same, worded for one form where its fields need their own words. */
  fieldMessagesFor(wording: FormWording): FieldMessages {
    return fieldMessagesOf(this.envelope, wording);
  }
}

function isFieldErrorList(fields: unknown): fields is FieldError[] {
  return Array.isArray(fields) && fields.every((item: Partial<FieldError> | null) => typeof item?.field === 'string' && typeof item.code === 'string');
}

/** The field errors of an envelope (`details.fields`, from request validation and a module's own checks alike). */
export function fieldErrorsOf(envelope: ErrorEnvelope | null): FieldError[] {
  const fields = envelope?.details?.['fields'];
  return isFieldErrorList(fields) ? fields : [];
}

/** Field errors as sentences keyed by field path (the codes worded by `fieldSentence`, never the API's English `message`). */
export function fieldMessagesOf(envelope: ErrorEnvelope | null, wording?: FormWording): FieldMessages {
  return sentencesByField(fieldErrorsOf(envelope), wording);
}

export function sentencesByField(errors: FieldError[], wording?: FormWording): FieldMessages {
  const result: FieldMessages = {};
  for (const error of errors) {
    const sentence = fieldSentence(error, wording);
    const known = result[error.field] ?? [];
    if (!known.includes(sentence)) result[error.field] = [...known, sentence];
  }
  return result;
}

/** Something a person can read, whatever went wrong (network down, server error, bad input). */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status >= 500) return 'The server ran into a problem. Please try again in a moment.';
    // Where no form shows the fields, their sentences are the message ("Choose a start that has not passed yet."),
    // when each reads well on its own; otherwise the API's summary, which names the fields.
    const sentences = fieldErrorsOf(error.envelope).map(standaloneSentence);
    if (sentences.length && sentences.every((sentence) => sentence !== null)) return [...new Set(sentences)].join(' ');
    return error.message;
  }
  if (error instanceof TypeError) return 'Cannot reach AIParksit. Check your connection and try again.';
  return 'Something went wrong. Please try again.';
}

export function isErrorEnvelope(body: unknown): body is ErrorEnvelope {
  return (
    typeof body === 'object' && body !== null && typeof (body as ErrorEnvelope).statusCode === 'number' && typeof (body as ErrorEnvelope).message === 'string'
  );
}
