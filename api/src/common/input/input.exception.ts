import { DomainException } from '../errors/index.js';

export type InputErrorCode = 'body_too_deep';

/** Input refused before it reaches a route: it would cost the server more than it is worth. */
export class InputException extends DomainException<InputErrorCode> {
  readonly kind = 'invalid' as const;
}
