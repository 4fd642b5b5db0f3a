import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type ReportsErrorCode = 'invalid_report_request' | 'renderer_unavailable' | 'renderer_busy' | 'render_timeout' | 'render_failed';

const KIND_OF_CODE: Record<ReportsErrorCode, DomainErrorKind> = {
  invalid_report_request: 'invalid',
  renderer_unavailable: 'unavailable',
  renderer_busy: 'unavailable',
  render_timeout: 'unavailable',
  render_failed: 'unavailable',
};

/** Reports' own failures; `details.retryAfterSeconds` becomes `Retry-After` on the 503s. */
export class ReportsException extends DomainException<ReportsErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: ReportsErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
