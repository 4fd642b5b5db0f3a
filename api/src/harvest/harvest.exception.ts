import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type HarvestErrorCode = 'harvesting_suspected';

/** A client recorded as harvesting; `retryAfterSeconds` in the details becomes `Retry-After`. */
export class HarvestException extends DomainException<HarvestErrorCode> {
  readonly kind: DomainErrorKind = 'rate_limited';

  constructor(retryAfterSeconds: number) {
    super(
      'harvesting_suspected',
      `This client has read more of the catalogue than one person browses. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'}, or ask for an API key for bulk access.`,
      { retryAfterSeconds },
    );
  }
}
