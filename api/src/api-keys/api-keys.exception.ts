import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type ApiKeysErrorCode = 'api_key_not_found' | 'too_many_api_keys';

const KIND_OF_CODE: Record<ApiKeysErrorCode, DomainErrorKind> = {
  api_key_not_found: 'not_found',
  too_many_api_keys: 'conflict',
};

export class ApiKeysException extends DomainException<ApiKeysErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: ApiKeysErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
