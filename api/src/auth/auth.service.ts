import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthTokens, LoginRequest, RegisterRequest, RegistrationAccepted, UserView } from '@aiparksit/shared';
import { AppConfig } from '../config/index.js';
import {
  ACCOUNT_NOTICE_EMAIL,
  EMAIL_VERIFICATION_EMAIL,
  PASSWORD_RESET_EMAIL,
  REGISTRATION_ATTEMPT_EMAIL,
  SIGN_IN_LOCKOUT_EMAIL,
  type AccountNoticePayload,
  type EmailVerificationPayload,
  type PasswordResetPayload,
  type RegistrationAttemptPayload,
  type SignInLockoutPayload,
} from '../notifications/index.js';
import { OutboxService } from '../outbox/index.js';
import { toUserView, type UserRecord, UsersService } from '../users/index.js';
import { AccessTokens } from './access-tokens.js';
import { AuthException } from './auth.exception.js';
import { EmailVerificationTokensRepository } from './email-verification-tokens.repository.js';
import { LoginThrottleRepository, type LoginLockoutPolicy } from './login-throttle.repository.js';
import { PasswordResetTokensRepository } from './password-reset-tokens.repository.js';
import { hashPassword, passwordWeakness, randomSecret, sha256, verifyPassword, type UserPrincipal } from '../access/index.js';
import { CredentialChanges, type CredentialCache } from '../credential-changes/index.js';
import { RefreshTokensRepository, type LiveSession, type NewRefreshToken } from './refresh-tokens.repository.js';
import { fieldError } from '../common/errors/index.js';

/** Where a sign-in came from, kept with its refresh tokens for the user's session list. */
export interface ClientInfo {
  userAgent: string | undefined;
  ip: string | undefined;
}

const WRONG_CREDENTIALS = 'The email or password is not correct.';
const INVALID_RESET_LINK = 'This password-reset link is not valid any more: it was already used, or it expired. Ask for a new one.';
/** A reset request within this many seconds of the last link sends nothing new. */
const RESET_QUIET_SECONDS = 60;
const INVALID_VERIFICATION_LINK = 'This confirmation link is not valid any more: it was already used, or it expired. Sign in, or ask for a new link.';

/** A resend within this many seconds of the last link sends nothing new (one click, one email). */
const RESEND_QUIET_SECONDS = 60;

function registrationAccepted(email: string): RegistrationAccepted {
  return { email, message: `Check your email: we sent a message to ${email} with the next step.` };
}

/** A live-session cache key: one account's session (refresh-token family). */
function sessionKey(userId: string, sessionId: string): string {
  return `${userId} ${sessionId}`;
}

function retryPhrase(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minutes`;
}

@Injectable()
export class AuthService {
  /**
   * A hash of nothing anyone knows, verified when the email is unknown so that a missing
   * account costs the same argon2 work as a wrong password (no user enumeration by timing).
   */
  private readonly dummyHash: Promise<string> = hashPassword(randomBytes(32).toString('hex'));
  private readonly refreshTtlMs: number;
  private readonly verificationTtlMs: number;
  private readonly lockoutPolicy: LoginLockoutPolicy;
  private readonly resetTtlMs: number;
  private readonly resetMaxPerHour: number;
  private readonly logger = new Logger(AuthService.name);
  /** Live sessions by user and family, so a request's session check rarely asks the database (see CredentialChanges). */
  private readonly liveSessions: CredentialCache<LiveSession>;

  constructor(
    private readonly users: UsersService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly verificationTokens: EmailVerificationTokensRepository,
    private readonly loginThrottle: LoginThrottleRepository,
    private readonly resetTokens: PasswordResetTokensRepository,
    private readonly accessTokens: AccessTokens,
    private readonly outbox: OutboxService,
    private readonly dataSource: DataSource,
    private readonly credentialChanges: CredentialChanges,
    config: AppConfig,
  ) {
    this.liveSessions = credentialChanges.cache<LiveSession>();
    this.refreshTtlMs = config.values.refreshTokenTtlSeconds * 1000;
    this.verificationTtlMs = config.values.emailVerificationTtlSeconds * 1000;
    this.resetTtlMs = config.values.passwordResetTtlSeconds * 1000;
    this.resetMaxPerHour = config.values.passwordResetMaxPerHour;
    this.lockoutPolicy = {
      threshold: config.values.loginLockoutThreshold,
      baseSeconds: config.values.loginLockoutBaseSeconds,
      maxSeconds: config.values.loginLockoutMaxSeconds,
      windowSeconds: config.values.loginFailureWindowSeconds,
    };
  }

  /**
   * Self-registration; the DTO has already limited the role to driver or operator. The answer
   * is the same whether the address was new or not (OWASP ASVS 4.0 V2.2.x, no account
   * enumeration), and what happens next is told by email: a new (or still unconfirmed)
   * registration gets the link that confirms the address; the owner of a confirmed account
   * hears that someone tried. No tokens: a session starts when the link is opened.
   */
  async register(request: RegisterRequest): Promise<RegistrationAccepted> {
    const outcome = await this.users.register(request);
    if (outcome.kind === 'already_registered') {
      const payload: RegistrationAttemptPayload = { userId: outcome.user.id };
      await this.outbox.enqueue(REGISTRATION_ATTEMPT_EMAIL, payload);
    } else {
      // Whoever registered the address before and never confirmed it loses the sessions they had.
      if (outcome.kind === 'replaced_unverified')
        await this.endSessions(outcome.user.id, () => this.refreshTokens.revokeAllOf(outcome.user.id, 'registration_replaced'));
      await this.sendVerificationLink(outcome.user.id);
    }
    this.outbox.trigger();
    return registrationAccepted(request.email);
  }

  /**
   * Confirms the address by the emailed link's token and signs the person in: holding the link
   * proves the address, as a password-reset link would. Single use; expired, used and unknown
   * tokens get one 400.
   */
  async verifyEmail(token: string, client: ClientInfo): Promise<AuthTokens> {
    const userId = await this.verificationTokens.consume(sha256(token));
    const user = userId && (await this.users.findById(userId));
    if (!user) throw new AuthException('invalid_verification_token', INVALID_VERIFICATION_LINK, { field: 'token' });
    return this.startSession(user, client);
  }

  /** A new link for an unconfirmed account; the same answer for any address (no enumeration). */
  async resendVerification(email: string): Promise<RegistrationAccepted> {
    const user = await this.users.findCredentials(email);
    // An invited account (no password yet) is confirmed by its invitation link, not by this one.
    const waiting = user && !user.emailVerifiedAt && !user.disabledAt && user.passwordHash !== null;
    if (waiting && !(await this.verificationTokens.issuedWithin(user.id, RESEND_QUIET_SECONDS))) {
      await this.sendVerificationLink(user.id);
      this.outbox.trigger();
    }
    return registrationAccepted(email);
  }

  /**
   * Password sign-in, throttled per email address on top of the per-client-address rate limit:
   * after LOGIN_LOCKOUT_THRESHOLD failures in a row the address is locked, and each further
   * failure locks it twice as long. While locked no password is checked, the right one
   * included, and every attempt gets the same 429 whether or not the address has an account.
   */
  async login(request: LoginRequest, client: ClientInfo): Promise<AuthTokens> {
    await this.throwIfLocked(request.email);
    const user = await this.users.findCredentials(request.email);
    if (!user) {
      await verifyPassword(await this.dummyHash, request.password);
      await this.recordFailedLogin(request.email, undefined);
      throw new AuthException('invalid_credentials', WRONG_CREDENTIALS);
    }
    // An invited account has no password yet: the dummy hash costs the same work and matches nothing.
    const passwordMatches = await verifyPassword(user.passwordHash ?? (await this.dummyHash), request.password);
    if (!passwordMatches) await this.recordFailedLogin(request.email, user);
    if (!passwordMatches || user.disabledAt) throw new AuthException('invalid_credentials', WRONG_CREDENTIALS);
    await this.loginThrottle.reset(request.email);
    await this.users.recordLogin(user.id);
    return this.startSession(user, client);
  }

  /**
   * A signed-in person's new password, with the current one asked again. A wrong current
   * password counts towards the sign-in lockout like a failed sign-in, so a stolen session cannot
   * guess it faster than the sign-in form could. Every other session ends; the owner is emailed.
   */
  async changePassword(principal: UserPrincipal, currentPassword: string, newPassword: string): Promise<void> {
    const account = await this.users.findById(principal.userId);
    if (!account) throw new AuthException('invalid_token', 'Sign in again.');
    await this.throwIfLocked(account.email);
    const credentials = await this.users.findCredentials(account.email);
    if (!credentials?.passwordHash || !(await verifyPassword(credentials.passwordHash, currentPassword))) {
      await this.recordFailedLogin(account.email, account);
      throw new AuthException('current_password_wrong', 'Your current password is needed to set a new one.', {
        fields: [fieldError('currentPassword', 'wrong_password')],
      });
    }
    const weakness = passwordWeakness(newPassword, [account.email, account.name]);
    if (weakness) {
      throw new AuthException('weak_password', `newPassword ${weakness}`, { fields: [fieldError('newPassword', 'weak_password', { reason: weakness })] });
    }
    await this.users.changePassword(account.id, newPassword);
    await this.endSessions(account.id, () => this.refreshTokens.revokeAllOf(account.id, 'password_changed', principal.sessionId));
    await this.loginThrottle.reset(account.email);
    const notice: AccountNoticePayload = {
      userId: account.id,
      subject: 'Your AIParksit password was changed',
      message:
        'The password of your AIParksit account was just changed, and every other signed-in device was signed out.\n\nIf you did not do this, sign in and change it again at once, and tell us.',
    };
    await this.outbox.enqueue(ACCOUNT_NOTICE_EMAIL, notice);
    this.outbox.trigger();
  }

  /**
   * "Forgot password": a single-use link to an enabled account's address, at most one a minute
   * and PASSWORD_RESET_MAX_PER_HOUR an hour. The answer is the same for any address and does not
   * wait for the link to be issued, so neither its words nor its timing tell whether the address
   * has an account (OWASP Forgot Password Cheat Sheet).
   */
  async requestPasswordReset(email: string): Promise<RegistrationAccepted> {
    const user = await this.users.findCredentials(email);
    if (user && !user.disabledAt) {
      this.issueResetLink(user.id).catch((error: unknown) =>
        this.logger.error(`Issuing a password-reset link failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    }
    return { email, message: `If ${email} has an AIParksit account, we sent it a link to choose a new password. Check your email.` };
  }

  /**
   * Sets the password a reset link was sent for, by the same rules as registration. The link is
   * used up only when the password is accepted, so a weak one can be replaced on the same page.
   * Every session of the account ends, its sockets included; the owner is emailed.
   */
  async confirmPasswordReset(token: string, password: string): Promise<void> {
    const tokenHash = sha256(token);
    const owner = await this.resetTokens.findOwner(tokenHash);
    if (!owner) throw new AuthException('invalid_reset_token', INVALID_RESET_LINK, { field: 'token' });
    const weakness = passwordWeakness(password, [owner.email, owner.name]);
    if (weakness) throw new AuthException('weak_password', `password ${weakness}`, { fields: [fieldError('password', 'weak_password', { reason: weakness })] });
    const userId = await this.resetTokens.consume(tokenHash, await hashPassword(password));
    if (!userId) throw new AuthException('invalid_reset_token', INVALID_RESET_LINK, { field: 'token' });
    this.credentialChanges.forgetAccount(userId);
    await this.loginThrottle.reset(owner.email);
    const notice: AccountNoticePayload = {
      userId,
      subject: 'Your AIParksit password was reset',
      message:
        'The password of your AIParksit account was just reset with a link sent to this address, and every signed-in device was signed out.\n\nIf you did not do this, ask for a new reset link at once and choose another password.',
    };
    await this.outbox.enqueue(ACCOUNT_NOTICE_EMAIL, notice);
    this.outbox.trigger();
  }

  private async issueResetLink(userId: string): Promise<void> {
    const token = randomSecret();
    const payload: PasswordResetPayload = { userId, token };
    const issued = await this.resetTokens.issue(
      userId,
      sha256(token),
      new Date(Date.now() + this.resetTtlMs),
      { quietSeconds: RESET_QUIET_SECONDS, maxPerHour: this.resetMaxPerHour },
      (manager) => this.outbox.enqueue(PASSWORD_RESET_EMAIL, payload, manager),
    );
    if (issued) this.outbox.trigger();
  }

  private async throwIfLocked(email: string): Promise<void> {
    const lockedSeconds = await this.loginThrottle.secondsLocked(email);
    if (lockedSeconds === undefined) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(lockedSeconds));
    throw new AuthException('sign_in_locked', `Too many wrong passwords for this email address. Try again in ${retryPhrase(retryAfterSeconds)}.`, {
      retryAfterSeconds,
    });
  }

  private async recordFailedLogin(email: string, user: UserRecord | undefined): Promise<void> {
    const failure = await this.loginThrottle.recordFailure(email, this.lockoutPolicy);
    if (!failure.startedLockout || !failure.lockedUntil || !user) return;
    const payload: SignInLockoutPayload = { userId: user.id, lockedUntil: failure.lockedUntil.toISOString(), failures: this.lockoutPolicy.threshold };
    await this.outbox.enqueue(SIGN_IN_LOCKOUT_EMAIL, payload);
    this.outbox.trigger();
  }

  /** A fresh link: the token's hash and the email that carries it commit together. */
  private async sendVerificationLink(userId: string): Promise<void> {
    const token = randomSecret();
    const expiresAt = new Date(Date.now() + this.verificationTtlMs);
    await this.dataSource.transaction(async (manager) => {
      await this.verificationTokens.insert(userId, sha256(token), expiresAt, manager);
      const payload: EmailVerificationPayload = { userId, token };
      await this.outbox.enqueue(EMAIL_VERIFICATION_EMAIL, payload, manager);
    });
  }

  /**
   * Re-authentication before a sensitive change, e.g. where payouts go (OWASP ASVS 4.0 V3.7.1):
   * true only when `password` is the signed-in user's own.
   */
  async passwordMatches(user: UserPrincipal, password: string): Promise<boolean> {
    const account = await this.users.findById(user.userId);
    const credentials = account && (await this.users.findCredentials(account.email));
    if (!credentials?.passwordHash) return false;
    return verifyPassword(credentials.passwordHash, password);
  }

  /**
   * Rotates a refresh token. Presenting one that was already rotated means two parties hold
   * it, one of them not the user: the whole family is revoked (OAuth 2.0 Security BCP 4.14).
   */
  async refresh(refreshToken: string, client: ClientInfo): Promise<AuthTokens> {
    const presented = sha256(refreshToken);
    const { token, row } = this.newRefreshToken(client);
    const rotated = await this.refreshTokens.rotate(presented, row);
    if (!rotated) {
      const state = await this.refreshTokens.findByHash(presented);
      if (state?.usedAt && !state.revokedAt) {
        await this.endSessions(state.userId, () => this.refreshTokens.revokeFamily(state.familyId, 'reuse_detected'));
        throw new AuthException('refresh_token_reused', 'This refresh token was already used; the session has been ended. Sign in again.');
      }
      throw new AuthException('invalid_refresh_token', 'The refresh token is not valid. Sign in again.');
    }
    const user = await this.users.findById(rotated.userId);
    if (!user) throw new AuthException('invalid_refresh_token', 'The refresh token is not valid. Sign in again.');
    return this.tokensFor(user, rotated.familyId, token);
  }

  /** Ends the session the refresh token belongs to. Unknown tokens are ignored: logout is idempotent. */
  async logout(refreshToken: string): Promise<void> {
    const state = await this.refreshTokens.findByHash(sha256(refreshToken));
    if (state && !state.revokedAt) await this.endSessions(state.userId, () => this.refreshTokens.revokeFamily(state.familyId, 'logout'));
  }

  /**
   * The principal behind an access token, or undefined. Checks the signature and claims, then
   * that the session is still live, so logout, reuse detection and disabling an account take
   * effect at once rather than when the token expires. The role is read fresh from the row, or
   * from the live-session cache, which every instance empties of an account whose sessions or
   * account change (CredentialChanges).
   */
  async principalForAccessToken(accessToken: string): Promise<UserPrincipal | undefined> {
    const claims = this.accessTokens.verify(accessToken);
    if (!claims) return undefined;
    const session = await this.liveSession(claims.userId, claims.sessionId);
    if (!session) return undefined;
    const { user } = session;
    return { kind: 'user', userId: user.id, role: user.role, sessionId: claims.sessionId, emailVerified: user.emailVerifiedAt !== null };
  }

  /** The signed-in user as `GET /api/auth/me` shows them: the account the session check just read. */
  async viewOf(principal: UserPrincipal): Promise<UserView> {
    const session = this.liveSessions.get(sessionKey(principal.userId, principal.sessionId));
    return session ? toUserView(session.user) : this.users.view(principal.userId);
  }

  private async liveSession(userId: string, sessionId: string): Promise<LiveSession | undefined> {
    const key = sessionKey(userId, sessionId);
    const cached = this.liveSessions.get(key);
    if (cached) return cached;
    const ticket = this.liveSessions.ticket();
    const session = await this.refreshTokens.liveSession(userId, sessionId);
    if (session) this.liveSessions.set(key, userId, session, ticket, session.liveUntil.getTime());
    return session;
  }

  /**
   * Ends sessions and forgets them here at once; other instances hear of it from the database
   * (the refresh_tokens trigger's notice), and this one again.
   */
  private async endSessions(userId: string, revoke: () => Promise<void>): Promise<void> {
    try {
      await revoke();
    } finally {
      this.credentialChanges.forgetAccount(userId);
    }
  }

  /**
   * Signs in an account whose owner proved who they are another way than a password: the
   * single-use invitation link an admin sent (accounts/). Counts as a sign-in for the admin's list.
   */
  async signInWithProof(userId: string, client: ClientInfo): Promise<AuthTokens> {
    const user = await this.users.findById(userId);
    if (!user || user.disabledAt) throw new AuthException('invalid_credentials', WRONG_CREDENTIALS);
    await this.users.recordLogin(user.id);
    return this.startSession(user, client);
  }

  private async startSession(user: UserRecord, client: ClientInfo): Promise<AuthTokens> {
    const { token, row } = this.newRefreshToken(client);
    const familyId = await this.refreshTokens.startFamily(user.id, row);
    return this.tokensFor(user, familyId, token);
  }

  private tokensFor(user: UserRecord, familyId: string, refreshToken: string): AuthTokens {
    const accessToken = this.accessTokens.issue({ userId: user.id, role: user.role, sessionId: familyId });
    return { accessToken, refreshToken, expiresIn: this.accessTokens.ttlSeconds, user: toUserView(user) };
  }

  private newRefreshToken(client: ClientInfo): { token: string; row: NewRefreshToken } {
    const token = randomSecret();
    return {
      token,
      row: {
        tokenHash: sha256(token),
        expiresAt: new Date(Date.now() + this.refreshTtlMs),
        userAgent: client.userAgent?.slice(0, 512) ?? null,
        ip: client.ip ?? null,
      },
    };
  }
}
