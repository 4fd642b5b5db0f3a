/**
 * What went wrong, in the domain's words. The error filter maps a kind to an HTTP status, so
 * services never import HTTP errors.
 */
export type DomainErrorKind =
  'invalid' | 'unauthenticated' | 'payment_required' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable' | 'rate_limited' | 'unavailable';

export const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  payment_required: 402,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
};

/** Base of each module's own exception class; `code` is stable and machine-readable. */
export abstract class DomainException<Code extends string = string> extends Error {
  abstract readonly kind: DomainErrorKind;

  constructor(
    readonly code: Code,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
