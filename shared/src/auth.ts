import type { Role, SelfRegisterableRole } from './roles.js';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  /** Whether the owner confirmed the address by the emailed link; booking needs it. */
  emailVerified: boolean;
}

export interface RegisterRequest {
  email: string;
  password: string;
  name: string;
  role: SelfRegisterableRole;
}

/**
 * What registration answers, the same whether the address was new or already had an account
 * (so it does not tell anyone which): the rest happens by email.
 */
export interface RegistrationAccepted {
  email: string;
  message: string;
}

/** The secret from the link in a verification email. */
export interface VerifyEmailRequest {
  token: string;
}

/** Asks for a new verification link; answered the same whether or not the address has an account. */
export interface ResendVerificationRequest {
  email: string;
}

/** A signed-in person's new password; the current one is asked again (OWASP ASVS 4.0 V2.1.6). */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** The SPA page where a person asks for a password-reset link. */
export const FORGOT_PASSWORD_PATH = '/forgot-password';

/** The SPA route the password-reset link opens; the token follows in the fragment (`#token=…`). */
export const RESET_PASSWORD_PATH = '/reset-password';

/** `POST /api/auth/password-reset`: asks for a link; answered 202 whether or not the address has an account. */
export interface PasswordResetRequest {
  email: string;
}

/** `POST /api/auth/password-reset/confirm`: the link's token and the new password. */
export interface PasswordResetConfirmRequest {
  token: string;
  password: string;
}

/** The SPA route the verification link opens; the token follows in the fragment (`#token=…`). */
export const VERIFY_EMAIL_PATH = '/verify-email';

/** Admin-only: creates any role, investors and admins included. */
export interface CreateUserRequest {
  email: string;
  password: string;
  name: string;
  role: Role;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface RefreshRequest {
  refreshToken: string;
}

export interface LogoutRequest {
  refreshToken: string;
}

export interface AuthTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  user: UserView;
}

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export const API_KEY_SCOPES = ['marketplace:read'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface CreateApiKeyRequest {
  name: string;
}

export interface ApiKeyView {
  id: string;
  name: string;
  /** The first characters of the key, enough to recognise it in a list. */
  prefix: string;
  scopes: ApiKeyScope[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Returned once, at creation: the only time the whole key is ever shown. */
export interface CreatedApiKey extends ApiKeyView {
  key: string;
}

/** Header an integrator sends its key in. */
export const API_KEY_HEADER = 'x-api-key';

/** One page of a list, newest first unless the endpoint says otherwise. */
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export const PAGE_SIZE_MAX = 100;

/** What `GET /api/auth/me` answers when the caller authenticated with an API key. */
export interface ApiKeyPrincipalView {
  kind: 'api_key';
  keyId: string;
  ownerId: string;
  scopes: ApiKeyScope[];
}
