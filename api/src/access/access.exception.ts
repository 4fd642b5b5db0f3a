import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type AccessErrorCode = 'api_key_not_allowed';

export class AccessException extends DomainException<AccessErrorCode> {
  readonly kind: DomainErrorKind = 'forbidden';
}
