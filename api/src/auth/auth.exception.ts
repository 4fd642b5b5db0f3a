import { DomainException, type DomainErrorKind } from '../common/errors/index.js';

export type AuthErrorCode =
  | 'invalid_credentials'
  | 'invalid_token'
  | 'invalid_refresh_token'
  | 'refresh_token_reused'
  | 'invalid_api_key'
  | 'api_key_not_allowed'
  | 'insufficient_scope'
  | 'insufficient_role'
  | 'sign_in_locked'
  | 'invalid_verification_token'
  | 'invalid_reset_token'
  | 'current_password_wrong'
  | 'weak_password';

const KIND_OF_CODE: Record<AuthErrorCode, DomainErrorKind> = {
  invalid_credentials: 'unauthenticated',
  invalid_token: 'unauthenticated',
  invalid_refresh_token: 'unauthenticated',
  refresh_token_reused: 'unauthenticated',
  invalid_api_key: 'unauthenticated',
  api_key_not_allowed: 'forbidden',
  insufficient_scope: 'forbidden',
  insufficient_role: 'forbidden',
  sign_in_locked: 'rate_limited',
  invalid_verification_token: 'invalid',
  invalid_reset_token: 'invalid',
  current_password_wrong: 'invalid',
  weak_password: 'invalid',
};

export class AuthException extends DomainException<AuthErrorCode> {
  readonly kind: DomainErrorKind;

  constructor(code: AuthErrorCode, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
    this.kind = KIND_OF_CODE[code];
  }
}
