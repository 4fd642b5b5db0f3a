import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type TelemetryErrorCode = 'metrics_token_required';

export class TelemetryException extends DomainException<TelemetryErrorCode> {
  readonly kind: DomainErrorKind = 'unauthenticated';
}
