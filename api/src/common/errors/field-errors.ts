import type { FieldError, FieldErrorCode } from '@aiparksit/shared';

type Params = NonNullable<FieldError['params']>;

/** The English fallback of a code, for API clients that show `message` as it comes; the SPA words its own. */
export function describeFieldError(field: string, code: FieldErrorCode, params: Params = {}): string {
  const { min, max, allowed, format, other, expected, reason } = params;
  switch (code) {
    case 'required':
      return `${field} is required`;
    case 'not_allowed':
      return `${field} is not a field this request takes`;
    case 'invalid_type':
      return `${field} must be ${expected ? `a ${String(expected)}` : 'of another type'}`;
    case 'not_integer':
      return `${field} must be a whole number`;
    case 'too_short':
      return `${field} must be at least ${String(min)} characters long`;
    case 'too_long':
      return `${field} must be at most ${String(max)} characters long`;
    case 'too_small':
      return `${field} must be at least ${String(min)}`;
    case 'too_large':
      return `${field} must be at most ${String(max)}`;
    case 'too_few':
      return `${field} must have at least ${String(min)} items`;
    case 'too_many':
      return `${field} must have at most ${String(max)} items`;
    case 'invalid_email':
      return `${field} must be an email address`;
    case 'not_one_of':
      return `${field} must be one of ${Array.isArray(allowed) ? allowed.join(', ') : String(allowed)}`;
    case 'invalid_format':
      return `${field} is not a valid ${format ? String(format).replace(/_/g, ' ') : 'value'}`;
    case 'in_the_past':
      return `${field} must not be in the past`;
    case 'not_after':
      return `${field} must be later than ${String(other)}`;
    case 'taken':
      return `${field} is already in use`;
    case 'unsafe_text':
      return `${field} must not contain NUL characters or unpaired surrogates`;
    case 'weak_password':
      return `${field} ${reason ? String(reason) : 'is too easy to guess'}`;
    case 'wrong_password':
      return `${field} is not your current password`;
    case 'unknown_reference':
      return `${field} does not name anything you can use`;
    case 'invalid':
      return `${field} is not valid`;
  }
}

/**
 * One field's problem. `message` overrides the English fallback where the code alone says too
 * little ("set a rate for ev spaces first"); the SPA still words it from the code and params.
 */
export function fieldError(field: string, code: FieldErrorCode, params?: Params, message?: string): FieldError {
  return { field, code, message: message ?? describeFieldError(field, code, params), ...(params && Object.keys(params).length ? { params } : {}) };
}

/** `details` of a 400 for field problems: the error's code and one entry per field. */
export function fieldErrorDetails(code: string, fields: FieldError[], extra: Record<string, unknown> = {}) {
  return { ...extra, code, fields };
}
