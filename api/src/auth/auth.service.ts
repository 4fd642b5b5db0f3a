import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isRole, type AuthTokens, type LoginRequest, type RegisterRequest } from '@aiparksit/shared';
import { AppConfig } from '../config/index.js';
import { toUserView, type UserRecord, UsersService } from '../users/index.js';
import { AccessTokens } from './access-tokens.js';
import { AuthException } from './auth.exception.js';
import { randomSecret, sha256, hashPassword, verifyPassword, type UserPrincipal } from '../access/index.js';
import { RefreshTokensRepository, type NewRefreshToken } from './refresh-tokens.repository.js';

/** Where a sign-in came from, kept with its refresh tokens for the user's session list. */
export interface ClientInfo {
  userAgent: string | undefined;
  ip: string | undefined;
}

const WRONG_CREDENTIALS = 'The email or password is not correct.';

@Injectable()
export class AuthService {
  /**
   * A hash of nothing anyone knows, verified when the email is unknown so that a missing
   * account costs the same argon2 work as a wrong password (no user enumeration by timing).
   */
  private readonly dummyHash: Promise<string> = hashPassword(randomBytes(32).toString('hex'));
  private readonly refreshTtlMs: number;

  constructor(
    private readonly users: UsersService,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly accessTokens: AccessTokens,
    config: AppConfig,
  ) {
    this.refreshTtlMs = config.values.refreshTokenTtlSeconds * 1000;
  }

  /** Self-registration; the DTO has already limited the role to driver or operator. */
  async register(request: RegisterRequest, client: ClientInfo): Promise<AuthTokens> {
    const user = await this.users.createAccount(request);
    return this.startSession(user, client);
  }

  async login(request: LoginRequest, client: ClientInfo): Promise<AuthTokens> {
    const user = await this.users.findCredentials(request.email);
    if (!user) {
      await verifyPassword(await this.dummyHash, request.password);
      throw new AuthException('invalid_credentials', WRONG_CREDENTIALS);
    }
    const passwordMatches = await verifyPassword(user.passwordHash, request.password);
    if (!passwordMatches || user.disabledAt) throw new AuthException('invalid_credentials', WRONG_CREDENTIALS);
    await this.users.recordLogin(user.id);
    return this.startSession(user, client);
  }

  /**
   * Re-authentication before a sensitive change, e.g. where payouts go (OWASP ASVS 4.0 V3.7.1):
   * true only when `password` is the signed-in user's own.
   */
  async passwordMatches(user: UserPrincipal, password: string): Promise<boolean> {
    const account = await this.users.findById(user.userId);
    const credentials = account && (await this.users.findCredentials(account.email));
    if (!credentials) return false;
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
        await this.refreshTokens.revokeFamily(state.familyId, 'reuse_detected');
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
    if (state && !state.revokedAt) await this.refreshTokens.revokeFamily(state.familyId, 'logout');
  }

  /**
   * The principal behind an access token, or undefined. Checks the signature and claims, then
   * that the session is still live, so logout, reuse detection and disabling an account take
   * effect at once rather than when the token expires. The role is read fresh from the row.
   */
  async principalForAccessToken(accessToken: string): Promise<UserPrincipal | undefined> {
    const claims = this.accessTokens.verify(accessToken);
    if (!claims) return undefined;
    const role = await this.refreshTokens.liveSessionRole(claims.userId, claims.sessionId);
    if (!isRole(role)) return undefined;
    return { kind: 'user', userId: claims.userId, role, sessionId: claims.sessionId };
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
