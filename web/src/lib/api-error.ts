import type { ErrorEnvelope, FieldError } from '@aiparksit/shared';

/** Messages per request field, as a form shows them next to each input. */
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

  /** The failing fields from the envelope's `details`, keyed by field path. */
  get fieldMessages(): FieldMessages {
    return fieldMessagesOf(this.envelope);
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

export function fieldMessagesOf(envelope: ErrorEnvelope | null): FieldMessages {
  const result: FieldMessages = {};
  for (const { field, message } of fieldErrorsOf(envelope)) {
    result[field] = [...(result[field] ?? []), message];
  }
  return result;
}

/** Something a person can read, whatever went wrong (network down, server error, bad input). */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status >= 500) return 'The server ran into a problem. Please try again in a moment.';
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
